"""Minimal PDF content-stream reader for LibreOffice PDFs (stdlib + qpdf).
Gives per-glyph positions (from Td/Tm + /Widths + TJ adjustments) and drawn paths.
Coordinates returned in pt with y measured from the TOP of the page (ytop).

Copied from ../shared/tools/lo-layout/pdfparse.py; additions for issue 17: each path carries its
colour (stroke colour for S, fill colour for f), each glyph its fill colour, and every image drawn
(Do of an image XObject) is recorded in Page.images with its placement rectangle."""
import re, subprocess, sys, os, tempfile

def _qdf(pdf):
    out = tempfile.mktemp(suffix=".pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, out], check=True)
    data = open(out, "rb").read()
    os.unlink(out)
    return data

def _objects(data):
    objs = {}
    for m in re.finditer(rb"\n(\d+) 0 obj\n(.*?)\nendobj", data, re.S):
        objs[int(m.group(1))] = m.group(2)
    return objs

def _stream(objbody):
    m = re.search(rb"stream\n(.*)\nendstream", objbody, re.S)
    return m.group(1) if m else b""

def _tounicode(cmap):
    mp = {}
    for blk in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for a, b in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blk):
            mp[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be")
    for blk in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for a, b, c in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blk):
            a, b = int(a, 16), int(b, 16); base = int(c, 16)
            for i in range(a, b + 1):
                mp[i] = chr(base + i - a)
    return mp

TOK = re.compile(rb"\s*(?:(%[^\n]*)|(\()|(<<|>>)|(<[0-9a-fA-F\s]*>)|(\[)|(\])|(/[^\s/\[\]()<>{}%]*)|([-+]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'\"*][A-Za-z0-9'\"*]*))")

def _read_string(s, i):
    depth = 1; out = bytearray()
    while i < len(s):
        c = s[i]
        if c == 0x5c:  # backslash
            i += 1; c = s[i]
            esc = {ord('n'): 10, ord('r'): 13, ord('t'): 9, ord('b'): 8, ord('f'): 12}
            if c in esc: out.append(esc[c]); i += 1
            elif 0x30 <= c <= 0x37:
                j = i
                while j < len(s) and j < i + 3 and 0x30 <= s[j] <= 0x37: j += 1
                out.append(int(s[i:j], 8) & 255); i = j
            elif c in (10, 13): i += 1
            else: out.append(c); i += 1
            continue
        if c == 0x28: depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0: return bytes(out), i + 1
        out.append(c); i += 1
    return bytes(out), i

def tokens(s):
    i = 0; n = len(s)
    while i < n:
        m = TOK.match(s, i)
        if not m or m.end() == i:
            i += 1; continue
        i = m.end()
        if m.group(1): continue
        if m.group(2):
            st, i = _read_string(s, i); yield ("str", st); continue
        if m.group(3): yield ("dict", m.group(3)); continue
        if m.group(4):
            h = re.sub(rb"\s", b"", m.group(4)[1:-1])
            if len(h) % 2: h += b"0"
            yield ("str", bytes.fromhex(h.decode())); continue
        if m.group(5): yield ("[", None); continue
        if m.group(6): yield ("]", None); continue
        if m.group(7): yield ("name", m.group(7)[1:].decode()); continue
        if m.group(8): yield ("num", float(m.group(8))); continue
        if m.group(9): yield ("op", m.group(9).decode()); continue

def mul(a, b):
    return [a[0]*b[0]+a[1]*b[2], a[0]*b[1]+a[1]*b[3], a[2]*b[0]+a[3]*b[2], a[2]*b[1]+a[3]*b[3],
            a[4]*b[0]+a[5]*b[2]+b[4], a[4]*b[1]+a[5]*b[3]+b[5]]

class Page:
    def __init__(self):
        self.glyphs = []   # dicts: ch, x, y(base, from top), w(advance pt), size, font
        self.paths = []    # dicts: op(fill/stroke), lw, color, segs/rects in top coords
        self.images = []   # dicts: name, x, y (top), w, h, px (pixel width, height)
        self.height = 0; self.width = 0

def parse(pdf):
    data = _qdf(pdf)
    objs = _objects(data)
    def ref(body, key):
        m = re.search(rb"/" + key.encode() + rb"\s+(\d+) 0 R", body)
        return int(m.group(1)) if m else None
    pages = []
    # page order from Kids
    root_pages = [k for k, v in objs.items() if re.search(rb"/Type /Pages", v)]
    kids = []
    for k in root_pages:
        m = re.search(rb"/Kids \[(.*?)\]", objs[k], re.S)
        if m: kids += [int(x) for x in re.findall(rb"(\d+) 0 R", m.group(1))]
    fontcache = {}
    def font(objnum):
        if objnum in fontcache: return fontcache[objnum]
        b = objs[objnum]
        m = re.search(rb"/FirstChar (\d+)", b)
        fc = int(m.group(1)) if m else 0   # composite (Type0) fonts of other writers: glyphs unreliable
        wm = re.search(rb"/Widths \[(.*?)\]", b, re.S)
        ws = [float(x) for x in wm.group(1).split()] if wm else []
        tu = ref(b, "ToUnicode")
        cmap = _tounicode(_stream(objs[tu])) if tu else {}
        m = re.search(rb"/BaseFont\s*/(\S+)", b)
        bf = m.group(1).decode() if m else "?"
        fontcache[objnum] = (fc, ws, cmap, bf)
        return fontcache[objnum]
    for pk in kids:
        pb = objs[pk]
        mbm = re.search(rb"/MediaBox\s*\[(.*?)\]", pb, re.S)
        for k in root_pages:   # inherited from the page tree (other writers)
            mbm = mbm or re.search(rb"/MediaBox\s*\[(.*?)\]", objs[k], re.S)
        mb = [float(x) for x in mbm.group(1).split()]
        H = mb[3]
        cont = re.search(rb"/Contents (\d+) 0 R", pb)
        contents = [int(cont.group(1))] if cont else [int(x) for x in re.findall(rb"(\d+) 0 R", re.search(rb"/Contents \[(.*?)\]", pb, re.S).group(1))]
        stream = b"\n".join(_stream(objs[c]) for c in contents)
        resn = ref(pb, "Resources")
        resb = objs[resn] if resn else pb
        fonts = {}
        fdn = ref(resb, "Font")
        if fdn:
            for name, num in re.findall(rb"/(\S+) (\d+) 0 R", objs[fdn]):
                fonts[name.decode()] = int(num)
        else:
            m = re.search(rb"/Font\s*<<(.*?)>>", resb, re.S)
            if m:
                for name, num in re.findall(rb"/(\S+) (\d+) 0 R", m.group(1)):
                    fonts[name.decode()] = int(num)
        xobjs = {}
        xm = re.search(rb"/XObject\s*<<(.*?)>>", resb, re.S)
        if xm:
            for name, num in re.findall(rb"/(\S+) (\d+) 0 R", xm.group(1)):
                xobjs[name.decode()] = int(num)
        P = Page(); P.height = H; P.width = mb[2]
        ctm = [1, 0, 0, 1, 0, 0]; stack = []; lw = 1.0
        scol = (0, 0, 0); fcol = (0, 0, 0)
        tm = [1, 0, 0, 1, 0, 0]; tlm = tm[:]; fsize = 0; fnt = None; tc = 0; tw = 0; tz = 1; tl = 0
        path = []; cur = None; operands = []; arr = None
        def show(st):
            nonlocal tm
            fc, ws, cmap, bf = font(fonts[fnt])
            for byte in st:
                w = ws[byte - fc] if 0 <= byte - fc < len(ws) else 0
                m = mul(tm, ctm)
                P.glyphs.append(dict(ch=cmap.get(byte, "?"), x=m[4], y=H - m[5], w=w / 1000 * fsize, size=fsize, font=bf,
                                     color=fcol, sx=m[0]))
                adv = (w / 1000 * fsize + tc + (tw if byte == 32 else 0)) * tz
                tm = mul([1, 0, 0, 1, adv, 0], tm)
        for kind, val in tokens(stream):
            if kind == "[": arr = []; continue
            if kind == "]": operands.append(arr); arr = None; continue
            if arr is not None:
                arr.append(val); continue
            if kind != "op":
                operands.append(val); continue
            op = val; o = operands; operands = []
            if op == "q": stack.append((ctm[:], lw, scol, fcol))
            elif op == "Q":
                if stack: ctm, lw, scol, fcol = stack.pop()
            elif op == "RG": scol = tuple(o[-3:])
            elif op == "rg": fcol = tuple(o[-3:])
            elif op == "G": scol = (o[-1],) * 3
            elif op == "g": fcol = (o[-1],) * 3
            elif op == "Do":
                num = xobjs.get(o[-1])
                if num is not None and re.search(rb"/Subtype\s*/Image", objs[num]):
                    pw = int(re.search(rb"/Width (\d+)", objs[num]).group(1))
                    ph = int(re.search(rb"/Height (\d+)", objs[num]).group(1))
                    P.images.append(dict(name=o[-1], x=ctm[4], y=H - ctm[5] - ctm[3], w=ctm[0], h=ctm[3], px=(pw, ph)))
            elif op == "cm": ctm = mul(o[-6:], ctm)
            elif op == "w": lw = o[-1]
            elif op == "BT": tm = [1, 0, 0, 1, 0, 0]; tlm = tm[:]
            elif op == "Tf": fnt = o[-2]; fsize = o[-1]
            elif op == "Td": tlm = mul([1, 0, 0, 1, o[-2], o[-1]], tlm); tm = tlm[:]
            elif op == "TD": tl = -o[-1]; tlm = mul([1, 0, 0, 1, o[-2], o[-1]], tlm); tm = tlm[:]
            elif op == "Tm": tlm = list(o[-6:]); tm = tlm[:]
            elif op == "T*": tlm = mul([1, 0, 0, 1, 0, -tl], tlm); tm = tlm[:]
            elif op == "TL": tl = o[-1]
            elif op == "Tc": tc = o[-1]
            elif op == "Tw": tw = o[-1]
            elif op == "Tz": tz = o[-1] / 100
            elif op == "Tj": show(o[-1])
            elif op == "TJ":
                for e in o[-1]:
                    if isinstance(e, bytes): show(e)
                    else: tm = mul([1, 0, 0, 1, -e / 1000 * fsize * tz, 0], tm)
            elif op in ("'", '"'):
                tlm = mul([1, 0, 0, 1, 0, -tl], tlm); tm = tlm[:]; show(o[-1])
            elif op == "m":
                m = mul([1, 0, 0, 1, o[-2], o[-1]], ctm); cur = [(m[4], H - m[5])]; path.append(cur)
            elif op == "l":
                m = mul([1, 0, 0, 1, o[-2], o[-1]], ctm)
                if cur is None: cur = []; path.append(cur)
                cur.append((m[4], H - m[5]))
            elif op == "re":
                x, y, w, h = o[-4:]
                pts = []
                for (px, py) in ((x, y), (x + w, y), (x + w, y + h), (x, y + h)):
                    m = mul([1, 0, 0, 1, px, py], ctm); pts.append((m[4], H - m[5]))
                path.append(pts + [pts[0]]); cur = None
            elif op == "h": pass
            elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*"):
                P.paths.append(dict(op=op, lw=lw * abs(ctm[0]), pts=path, color=fcol if op.lower().startswith("f") else scol))
                path = []; cur = None
            elif op == "n": path = []; cur = None
        pages.append(P)
    return pages

def lines(page, tol=0.05):
    """Group glyphs into lines by baseline y; returns list of (y, [glyphs])."""
    out = []
    for g in sorted(page.glyphs, key=lambda g: (round(g["y"], 2), g["x"])):
        if out and abs(out[-1][0] - g["y"]) < tol:
            out[-1][1].append(g)
        else:
            out.append((g["y"], [g]))
    for y, gs in out: gs.sort(key=lambda g: g["x"])
    return out

def words(gs):
    """split a line's glyphs into words: list of (text, x0, x1)."""
    res = []; cur = None
    for g in gs:
        if g["ch"].isspace():
            cur = None; continue
        if cur is None:
            cur = [g["ch"], g["x"], g["x"] + g["w"]]; res.append(cur)
        else:
            cur[0] += g["ch"]; cur[2] = g["x"] + g["w"]
    return res

def dump(pdf, paths=True):
    for pi, P in enumerate(parse(pdf)):
        print("=== page %d (%.3f x %.3f)" % (pi + 1, P.width, P.height))
        for y, gs in lines(P):
            t = "".join(g["ch"] for g in gs)
            print("base %8.3f  x0 %8.3f x1 %8.3f size %5.2f %s |%s|" % (y, gs[0]["x"], gs[-1]["x"] + gs[-1]["w"], gs[0]["size"], gs[0]["font"].split("+")[-1], t))
        if paths:
            for p in P.paths:
                print("path %s lw=%.3f rgb=%s %s" % (p["op"], p["lw"], "/".join("%g" % c for c in p["color"]), " ".join("[" + " ".join("(%.3f,%.3f)" % pt for pt in sub) + "]" for sub in p["pts"])))

if __name__ == "__main__":
    for f in sys.argv[1:]:
        dump(f)
