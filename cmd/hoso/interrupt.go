package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// errInterrupted is what interruptible returns on Ctrl+C or SIGTERM.
var errInterrupted = errors.New("đã ngắt")

// interruptible runs work, a phase that writes nothing (reading an input),
// and returns errInterrupted as soon as SIGINT or SIGTERM comes, leaving
// work behind: the command then exits without writing.
func interruptible[T any](work func() (T, error)) (T, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := work()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, errInterrupted
	}
}
