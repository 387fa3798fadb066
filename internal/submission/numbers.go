package submission

import (
	"fmt"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// unprinted refuses a number given to a declared document whose part
// prints none (so = false in its [[van_ban]] block): it would be dropped
// silently. at is the document's table, [van_ban.<id>].
func (v *validator) unprinted(at string, p *formset.Part, d Document) {
	if p.IsNumbered() || d.Number == nil || v.problems.Has(at+".so") {
		return
	}
	v.addValue(at+".so", tomlin.KeyUnknownKey,
		fmt.Sprintf("%s không mang số (bộ mẫu khai báo so = false cho văn bản %q): số %d không được in ở đâu", p.Title, p.ID, *d.Number),
		"bỏ khóa so khỏi bảng ["+at+"]")
}
