package ooxml

// Open vets a DOCX that comes from elsewhere (see CheckPackage) and opens
// its parts.
func Open(raw []byte) (*Parts, error) {
	zr, err := vetPackage(raw)
	if err != nil {
		return nil, err
	}
	return partsOf(zr), nil
}

// OpenOwn opens a DOCX that hoso filled itself from a template which
// passed CheckPackage when it was compiled. What the engine inserts is
// text, so the checks for active and external content, which read every
// part, are not repeated; the archive's limits (sizes, zip bombs) are.
func OpenOwn(raw []byte) (*Parts, error) {
	zr, _, err := checkArchive(raw, maxTotalSize)
	if err != nil {
		return nil, err
	}
	return partsOf(zr), nil
}
