package docxread

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"path"
	"strings"

	_ "image/gif" // pictures: decoded and re-encoded as PNG

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
	_ "golang.org/x/image/bmp" // pictures: decoded and re-encoded as PNG
	"golang.org/x/image/draw"
	_ "golang.org/x/image/tiff" // pictures: decoded and re-encoded as PNG
	_ "golang.org/x/image/webp" // pictures: decoded and re-encoded as PNG
)

// Pictures are read from the package's media parts through the
// relationships of the part that shows them, decoded once to check them
// (the PDF writer would otherwise draw an error message in their place),
// and handed on as PNG or JPEG bytes the writer takes as they are:
// untouched when it can, re-encoded when it cannot (16-bit or interlaced
// PNG, CMYK JPEG, GIF, BMP, TIFF, WebP), cropped and resampled when the
// document crops the picture or shows it in other proportions than its
// pixels' (the writer keeps the proportions of the pixels).

// maxPixels bounds a picture: larger ones are refused before they are
// decoded (a scan of an A4 page at 600 dpi has 35 million pixels).
const maxPixels = 40_000_000

// decoded is a media part read once per document.
type decoded struct {
	img image.Image
	pic *docmodel.Picture // the whole picture as the writer takes it
}

// picture returns the image of relationship id of the current part, shown
// w × h twips with crop (left, top, right, bottom fractions) cut off, or
// nil (warned) when there is none to draw.
func (r *reader) picture(id string, crop [4]float64, w, h int, where string) *docmodel.Picture {
	target := r.relTarget(id)
	if target == "" {
		r.warn(where, fmt.Sprintf("không tìm thấy ảnh (quan hệ %s) trong tệp: không in", id))
		return nil
	}
	d := r.media(target, where)
	if d == nil || w <= 0 || h <= 0 {
		return nil
	}
	b := d.img.Bounds()
	cut := image.Rect(b.Min.X+int(math.Round(crop[0]*float64(b.Dx()))), b.Min.Y+int(math.Round(crop[1]*float64(b.Dy()))),
		b.Max.X-int(math.Round(crop[2]*float64(b.Dx()))), b.Max.Y-int(math.Round(crop[3]*float64(b.Dy())))).Intersect(b)
	if cut.Empty() {
		return nil
	}
	shown, pixels := float64(w)/float64(h), float64(cut.Dx())/float64(cut.Dy())
	if cut == b && math.Abs(shown/pixels-1) < 0.01 {
		return d.pic
	}
	key := fmt.Sprintf("%s %v %.4f", target, cut, shown)
	if p, ok := r.resampled[key]; ok {
		return p
	}
	p := reshape(d, cut, shown)
	if r.resampled == nil {
		r.resampled = map[string]*docmodel.Picture{}
	}
	r.resampled[key] = p
	return p
}

// reshape cuts rectangle cut out of a picture and stretches it to the
// proportions (width / height) it is shown in, keeping its larger side's
// pixels.
func reshape(d *decoded, cut image.Rectangle, shown float64) *docmodel.Picture {
	w, h := cut.Dx(), cut.Dy()
	if float64(w)/float64(h) > shown {
		h = max(int(math.Round(float64(w)/shown)), 1)
	} else {
		w = max(int(math.Round(float64(h)*shown)), 1)
	}
	for w*h > maxPixels { // an extreme stretch: halve until bounded
		w, h = max(w/2, 1), max(h/2, 1)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), d.img, cut, draw.Src, nil)
	if d.pic.Format == "jpg" {
		return encodeJPEG(dst)
	}
	return encodePNG(dst)
}

// media reads, checks and prepares a media part once per document; nil
// (warned) when it cannot be drawn.
func (r *reader) media(target, where string) *decoded {
	if d, ok := r.decodedMedia[target]; ok {
		return d
	}
	if r.decodedMedia == nil {
		r.decodedMedia = map[string]*decoded{}
	}
	d, problem := decodeMedia(r.Parts, target)
	if problem != "" {
		r.warn(where, fmt.Sprintf("ảnh «%s» %s", path.Base(target), problem))
	}
	r.decodedMedia[target] = d
	return d
}

// decodeMedia decodes a media part and says in Vietnamese what is wrong
// with it when it cannot be drawn.
func decodeMedia(parts *ooxml.Parts, target string) (*decoded, string) {
	data, err := parts.Bytes(target)
	if err != nil {
		return nil, "không đọc được: không in"
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		switch ext := strings.ToLower(path.Ext(target)); ext {
		case ".emf", ".wmf", ".svg", ".emz", ".wmz":
			return nil, fmt.Sprintf("dạng %s chưa vẽ được trong PDF: để trống; hãy chèn lại ảnh dạng PNG hoặc JPEG", strings.ToUpper(ext[1:]))
		}
		return nil, "không phải ảnh PNG, JPEG, GIF, BMP, TIFF hay WebP đọc được: để trống"
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil, fmt.Sprintf("quá lớn (%d × %d điểm ảnh, tối đa %d triệu): để trống; hãy giảm cỡ ảnh", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "hỏng, không giải mã được: để trống"
	}
	d := &decoded{img: img}
	switch {
	case format == "png" && plainPNG(data):
		d.pic = &docmodel.Picture{Data: data, Format: "png"}
	case format == "jpeg" && cfg.ColorModel != color.CMYKModel:
		d.pic = &docmodel.Picture{Data: data, Format: "jpg"}
	case format == "jpeg":
		d.pic = encodeJPEG(img) // CMYK: the writer would draw its colours inverted
	default:
		d.pic = encodePNG(img)
	}
	return d, ""
}

// plainPNG reports whether a PNG is one the PDF writer embeds as it is:
// at most 8 bits per channel, not interlaced.
func plainPNG(data []byte) bool {
	// Signature (8), IHDR length and type (8), width, height (8), then
	// bit depth, colour type, compression, filter, interlace.
	return len(data) > 28 && string(data[12:16]) == "IHDR" && data[24] <= 8 && data[28] == 0
}

// encodePNG writes a picture as an 8-bit PNG.
func encodePNG(img image.Image) *docmodel.Picture {
	switch img.(type) {
	case *image.NRGBA, *image.RGBA, *image.Gray, *image.Paletted:
	default: // 16-bit and other models: 8-bit RGBA
		n := image.NewNRGBA(img.Bounds())
		draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
		img = n
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	_ = enc.Encode(&buf, img) // writing to memory does not fail
	return &docmodel.Picture{Data: buf.Bytes(), Format: "png"}
}

// encodeJPEG writes a picture as an RGB JPEG.
func encodeJPEG(img image.Image) *docmodel.Picture {
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}) // writing to memory does not fail
	return &docmodel.Picture{Data: buf.Bytes(), Format: "jpg"}
}

// relTarget is the part that relationship id of the current part points
// to, "" when there is none.
func (r *reader) relTarget(id string) string {
	rels, ok := r.partRels[r.part]
	if !ok {
		rels, _ = r.Rels(r.part)
		if r.partRels == nil {
			r.partRels = map[string][]ooxml.Rel{}
		}
		r.partRels[r.part] = rels
	}
	for _, rl := range rels {
		if rl.ID == id {
			return rl.Target
		}
	}
	return ""
}
