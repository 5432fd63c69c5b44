import Foundation
import Testing
@testable import BytekSUNAT

/// regexp:match (PCRE2 in the engine) against lxml's regexp:match, the engine SUNAT's rules were checked
/// with here: every pattern the stylesheets hand to it (with-param/variable "regexp", the literals of
/// validate_utils' choose, regexp:match calls), found by a /usr/bin/python3 helper that reads the XSL
/// files, on ~400 sample strings (every value of SUNAT's sample documents, the accepted literals of each
/// pattern, limits such as 500/501 characters, Unicode spaces and digits), compared result by result:
/// the whole match and every group.
@Suite("regexp:match parity with lxml")
struct SunatRegexpParityTests {
    struct Expected: Decodable {
        let patterns: [String]
        let samples: [String]
        let results: [[[String]]]
        let extra: [Extra]
    }

    struct Extra: Decodable {
        let subject: String, pattern: String, flags: String, result: [String]
        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            subject = try c.decode(String.self); pattern = try c.decode(String.self)
            flags = try c.decode(String.self); result = try c.decode([String].self)
        }
    }

    static let helper = #"""
import json, os, re, sys
from lxml import etree
XSL = "http://www.w3.org/1999/XSL/Transform"
RE_NS = "http://exslt.org/regular-expressions"
folder, samples_dir = sys.argv[1], sys.argv[2]
LIT = re.compile(r"'([^']*)'|\"([^\"]*)\"")

def literals(expr):
    return [a if a is not None and a != "" or b is None else b for a, b in LIT.findall(expr)]

patterns = set()
for dirpath, _, files in os.walk(folder):
    for f in files:
        if not f.endswith(".xsl"):
            continue
        root = etree.parse(os.path.join(dirpath, f)).getroot()
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            sel = el.get("select")
            if sel is None:
                continue
            if el.get("name") == "regexp" and el.tag in ("{%s}with-param" % XSL, "{%s}variable" % XSL, "{%s}param" % XSL):
                patterns.update(literals(sel))
            elif el.tag == "{%s}value-of" % XSL and any(a.get("name") == "regexp" for a in el.iterancestors("{%s}variable" % XSL)):
                patterns.update(literals(sel))
        for m in re.finditer(r"regexp:match\([^,]+,\s*'([^']*)'", open(os.path.join(dirpath, f), encoding="utf-8").read()):
            patterns.add(m.group(1))
patterns = sorted(p for p in patterns if p)

samples = set(["", " ", "  ", "\t", "\n", "a", "ab", "abc", " abc", "abc ", "a b c", "0", "00", "01", "1", "12", "123",
    "1234", "12345", "123456", "0.5", "1.0", "12.5", "1.12345", "1.123456", "100.00", "-1", "1e5", "1,000.00",
    "20601234565", "2060123456", "206012345651", "10412345678", "F001-1", "F001-00000001", "F001-123456789", "B001-1",
    "FC01-5", "BD01-7", "E001-1", "0001-1", "2026-12-03", "2026-1-3", "12:30:45", "12:30", "PEN", "USD", "pen",
    "PE:SUNAT", "PE:INEI", "6", "1", "01", "07", "9996", "NIU", "ZZ", "Ñandú", "línea\n", "línea\nsiguiente", "a\tb",
    "x" * 500, "y" * 501, "\u00a0abc", "abc\u00a0", "\u2003x", "\x85abc", "١٢٣", "ＡＢＣ", "José Pérez",
    "CORPORACIÓN ANDINA S.A.C.", "Av. Javier Prado 1234", "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo06",
    "Documento de Identidad", "United Nations Economic Commission for Europe", "ISO 3166-1", "True", "False"])
for dirpath, _, files in os.walk(samples_dir):
    for f in files:
        if f.endswith(".xml"):
            for el in etree.parse(os.path.join(dirpath, f)).getroot().iter():
                if isinstance(el.tag, str):
                    if el.text and el.text.strip():
                        samples.add(el.text.strip())
                    samples.update(v for v in el.attrib.values())
for p in patterns:  # strings the pattern is meant to accept: ^(A|B)$ literals
    m = re.fullmatch(r"\^\(([^()\[\]\\?*+{}]*)\)\$", p)
    if m:
        samples.update(m.group(1).split("|"))
samples = sorted(s for s in samples if len(s) <= 600)

ev = etree.XPath("regexp:match($s, $p, $f)", namespaces={"regexp": RE_NS})
doc = etree.fromstring("<x/>")
def lx(s, p, f=""):
    return [e.text or "" for e in ev(doc, s=s, p=p, f=f)]
results = [[lx(s, p) for s in samples] for p in patterns]
extra = []
for p, f in [("a", "g"), ("(a)(b)?", "g"), (r"\d*", "g"), ("[a-z]+", "gi"), ("^pen$", "i"), ("(x)|y", "g"), ("", "g"),
             (r"(\d+)\.(\d+)", ""), (r"(\d+)\.(\d+)", "g")]:
    for s in ["", "ab aB AB", "12a3", "PEN", "xyyx", "1.5 2.25", "Ñandú ñu"]:
        extra.append([s, p, f, lx(s, p, f)])
json.dump({"patterns": patterns, "samples": samples, "results": results, "extra": extra}, sys.stdout, ensure_ascii=False)
"""#

    @Test("every regexp of SUNAT's stylesheets answers as lxml on every sample")
    func everyPatternMatchesLikeLxml() throws {
        let run = try SunatRulesFixtures.python(["-c", Self.helper, SunatRulesFixtures.rulesFolder,
                                                 SunatSamples.sunatRoot.appendingPathComponent("samples").path])
        try #require(run.status == 0, "helper failed: \(run.stderr.suffix(600))")
        let expected = try JSONDecoder().decode(Expected.self, from: run.stdout)
        #expect(expected.patterns.count >= 190, "patterns found in the XSL files: \(expected.patterns.count)")
        #expect(expected.patterns.contains(#"^(?!\s*$)[^\s].{2,}$"#), "a lookahead pattern is among them")
        var compared = 0, matched = 0
        var mismatches: [String] = []
        for (p, pattern) in expected.patterns.enumerated() {
            for (s, sample) in expected.samples.enumerated() {
                let ours = try SunatRegexp.match(sample, pattern: pattern)
                compared += 1
                if !ours.isEmpty { matched += 1 }
                if ours != expected.results[p][s], mismatches.count < 20 {
                    mismatches.append("\(pattern) on \(sample.debugDescription): lxml \(expected.results[p][s]), ours \(ours)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(compared > 50_000 && matched > 5_000, "compared \(compared), matched \(matched)")
        for e in expected.extra {
            #expect(try SunatRegexp.match(e.subject, pattern: e.pattern, flags: e.flags) == e.result,
                    "\(e.pattern) /\(e.flags) on \(e.subject.debugDescription)")
        }
    }

    @Test("a pattern PCRE2 refuses is an error, not a silent no-match")
    func badPatternThrows() {
        #expect(throws: SunatRulesError.self) { try SunatRegexp.match("abc", pattern: "(unclosed") }
    }
}
