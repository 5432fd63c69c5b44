import Foundation
import Testing
@testable import BytekTUI

/// The C library's `wcwidth` (Swift's Glibc module leaves the X/Open functions out): looked up once.
private let cWcwidth: @convention(c) (Int32) -> Int32 = {
    let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

/// The width of a character as the C library (and so a terminal over it, like tmux) counts it, in C.UTF-8 for
/// this thread only.
func terminalWidth(_ c: Character) -> Int {
    guard let locale = newlocale(1 << LC_CTYPE, "C.UTF-8", nil) else { return -1 }
    let old = uselocale(locale)
    defer { uselocale(old); freelocale(locale) }
    return Int(cWcwidth(Int32(bitPattern: c.unicodeScalars.first!.value)))
}

/// Where a terminal puts each "│" of a drawn line (the buffer's line, continuation cells left out).
func borderColumns(_ line: String) -> [Int] {
    var x = 0, out: [Int] = []
    for c in line {
        if c == "│" { out.append(x) }
        x += max(0, terminalWidth(c))
    }
    return out
}

@Suite struct TextWidthTests {
    @Test func wideEmojiAndCJKCountTwoCells() {
        #expect(SafeText.width("⛔🚀 ok") == 7)
        #expect(SafeText.width("⌛ espera") == 9)
        #expect(SafeText.width("✅ listo ❌") == 11)
        #expect(SafeText.width("漢字かな") == 8)
        #expect(SafeText.width("한국") == 4)
        #expect(SafeText.width("ＡＢ") == 4)          // fullwidth
        #expect(SafeText.width("Ñaña Peña ü") == 11)
        #expect(SafeText.width("e\u{301}") == 1)      // a base and its accent: one cell
        #expect(SafeText.width("✖ ☑ ▸ ⚠ │") == 9)   // the narrow marks the boards use
        #expect(SafeText.width("👩‍💻") == 2)           // a ZWJ sequence is one grapheme
        #expect(SafeText.width("") == 0)
        #expect(SafeText.width("plain ascii") == 11)
    }

    @Test func theTableAgreesWithTheCLibraryOnTheEmojiAndCJK() {
        var differ: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x1100...0x115F, 0x2300...0x2BFF, 0x3000...0x303E,
                                             0x3041...0x3247, 0x4E00...0x4E40, 0xAC00...0xAC40, 0xFF01...0xFF60,
                                             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF]
        for r in ranges {
            for v in r {
                guard let u = Unicode.Scalar(v) else { continue }
                let c = Character(u)
                let libc = terminalWidth(c)
                if libc > 0, libc != SafeText.width(c) { differ.append(String(v, radix: 16)) }
            }
        }
        #expect(differ.isEmpty, "distinto de wcwidth: \(differ.prefix(20))")
        #expect(WideCharacters.ranges.indices.dropFirst().allSatisfy { WideCharacters.ranges[$0 - 1].1 < WideCharacters.ranges[$0].0 })
    }

    @Test func cuttingNeverSplitsAWideCharacter() {
        for width in 1...12 {
            let t = SafeText.truncate("ab🚀⛔漢字cd", to: width)
            #expect(SafeText.width(t) <= width, "\(width): «\(t)»")
            #expect(SafeText.width(SafeText.fit("ab🚀⛔漢字cd", width)) == width)
        }
        #expect(SafeText.truncate("ab🚀cd", to: 4) == "ab…")
        // Drawn with room for half of it: the last cell is a space, never half an emoji.
        var canvas = Canvas(width: 10, height: 1)
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 1), "x")
        let end = canvas.text("ab🚀", x: 0, y: 0, maxWidth: 3)
        #expect(end == 3 && canvas.buffer.lines[0] == "ab xxxxxxx")
        // Clipped at the right edge of a box: the same.
        canvas.clipped(to: Rect(x: 0, y: 0, width: 5, height: 1)) { $0.text("abcd🚀", x: 0, y: 0) }
        #expect(canvas.buffer.lines[0] == "abcd xxxxx")
        // Overwriting half of a wide character blanks its other half.
        var c2 = Canvas(width: 6, height: 1)
        c2.text("🚀🚀🚀", x: 0, y: 0)
        c2.text("z", x: 1, y: 0)
        c2.text("y", x: 4, y: 0)
        #expect(c2.buffer.lines[0] == " z🚀y ")
        #expect(c2.buffer.lines[0].reduce(0) { $0 + terminalWidth($1) } == 6)
    }
}
