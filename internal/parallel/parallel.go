// Package parallel runs the independent steps of a stage (filling the
// documents of a dossier, laying them out, drawing them) on every core.
package parallel

import (
	"runtime"
	"sync"
)

// Do runs fn(0) … fn(n-1) on as many goroutines as there are CPUs and
// returns the first error by index order, so that the same input reports
// the same error whatever the machine.
func Do(n int, fn func(i int) error) error {
	return DoN(n, runtime.GOMAXPROCS(0), fn)
}

// DoN is Do with at most workers goroutines.
func DoN(n, workers int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(n, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
