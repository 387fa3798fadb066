package submission

import (
	"fmt"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// ownersCompanies refuses an owner whose company is also proposed with
// another tax code: the owner's report prints "Doanh nghiệp: X; mã số
// thuế: …" and the tax office would be asked about one company under two
// codes.
func (v *validator) ownersCompanies(s *Submission) {
	for i, o := range s.Nominees {
		if o.Kind != Owner || o.Tax == nil || o.Tax.Code == "" {
			continue
		}
		at := tomlin.PathIndex("de_nghi", i+1) + ".thue.ma_so_thue"
		for j, e := range s.Nominees {
			if e.Kind != Enterprise || e.Tax == nil || e.Tax.Code == "" || !vn.SameName(o.Company, e.OrgName) || e.Tax.Code == o.Tax.Code || v.problems.Has(at) {
				continue
			}
			v.addValue(at, KeyTaxCode, fmt.Sprintf("mã số thuế %q khác mã số thuế %q của %q (de_nghi[%d]), doanh nghiệp của chủ doanh nghiệp này",
				o.Tax.Code, e.Tax.Code, e.OrgName, j+1), fmt.Sprintf("ghi mã số thuế của doanh nghiệp: ma_so_thue = %q", e.Tax.Code))
		}
	}
}
