package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// The compressed faces expand to the files Debian ships (fonts-liberation2
// 2.1.5, fonts-crosextra-carlito 20220224, fonts-dejavu-core 2.37), byte for
// byte: hoso embeds the fonts unmodified.
func TestFilesAreTheOriginals(t *testing.T) {
	want := map[Family][NumStyles]string{
		Sans: {"8d91388f1d3604b3b8ae0e3ee2d140e50cd6122f9214514f4aca772540a4076d", "01f559e5c501d3d5777647c6a92b3ff37a4523bcf4f3b6e97ae052af567618b1",
			"ba0e0dc3f7aca5b0afbc31e800531ee43be3aa79ae35b2ef1f6470a9547765c4", "15c1068175252e4adee6d3721bf74064ffe437f679d9dbaeacd03fa7711a041b"},
		Carlito: {"b4ff23ba370cc95a3c349336b73f9c28514a1371210f89832efc85c4b1ea7131", "718a0663864d37a4868220a19b9668a5fe10a46197f6df367b4c2c30c04c026c",
			"0f62ab34ad5d079a0a28fac01bcf7c7a724a4db4d6cb99cab9cabff382fbb80f", "380764b6898d7b73ceae6384b2958b196d2a0428962ef3adf138d27947228666"},
		DejaVuSans: {"abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322", "eef1a593cc0a4654f147fd1aa9a11e7d327eb8be6f3a35099182db6aeb5d28fe",
			"0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96", "b7479266f14d71a019f79cb0ccc23acb6b130483317f7fff16182a0784031c9b"},
	}
	for fam, sums := range want {
		for s, sum := range sums {
			data, err := Data(fam, Style(s))
			if err != nil {
				t.Fatal(err)
			}
			if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
				t.Errorf("%s style %d: SHA-256 %x, want %s", fam.Name(), s, got, sum)
			}
		}
	}
	if d, _ := Data(Serif, StyleBold); &d[0] != &Bold[0] {
		t.Error("Liberation Serif Bold is not the embedded file")
	}
	if _, err := Data(NumFamilies, StyleRegular); err == nil {
		t.Error("a family out of range gave no error")
	}
}

// Lookup finds the metric twin of the common Word fonts, reads a style
// written in the name, and sends the rest where LibreOffice sends them.
func TestLookup(t *testing.T) {
	cases := []struct {
		name         string
		fam          Family
		bold, italic bool
		kind         Kind
	}{
		{"", Serif, false, false, Same},
		{"Times New Roman", Serif, false, false, Same},
		{"Times New Roman Bold", Serif, true, false, Same},
		{"Times New Roman Italic", Serif, false, true, Same},
		{"Times New Roman Bold Italic", Serif, true, true, Same},
		{"TimesNewRomanPS-BoldMT", Serif, true, false, Same},
		{"TimesNewRomanPSMT", Serif, false, false, Same},
		{"Arial", Sans, false, false, Same},
		{"Arial,Italic", Sans, false, true, Same},
		{"ArialMT", Sans, false, false, Same},
		{"Helvetica", Sans, false, false, Same},
		{"Calibri", Carlito, false, false, Same},
		{"Calibri Bold", Carlito, true, false, Same},
		{"Liberation Sans", Sans, false, false, Same},
		{"Tahoma", DejaVuSans, false, false, Fallback},
		{"Verdana", DejaVuSans, false, false, Fallback},
		{".VnTime", DejaVuSans, false, false, Fallback},
		{"VNI-Times", DejaVuSans, false, false, Fallback},
		{"Corps", DejaVuSans, false, false, Fallback}, // ends in "ps" but is no known family
		{"Calibri Light", DejaVuSans, false, false, Fallback},
		{"Cambria", Serif, false, false, Nearest},
		{"Courier New", DejaVuSans, false, false, Nearest},
	}
	for _, c := range cases {
		m := Lookup(c.name)
		if m.Family != c.fam || m.Bold != c.bold || m.Italic != c.italic || m.Kind != c.kind {
			t.Errorf("Lookup(%q) = %+v, want %s bold %v italic %v kind %d", c.name, m, c.fam.Name(), c.bold, c.italic, c.kind)
		}
	}
	if m := Lookup("Cambria"); m.Instead != "Caladea" {
		t.Errorf("Cambria: LibreOffice's face %q, want Caladea", m.Instead)
	}
}
