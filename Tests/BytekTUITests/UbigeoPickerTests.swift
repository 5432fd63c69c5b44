import BytekModel
import Foundation
import Testing
@testable import BytekTUI

/// The ubigeo picker over the running app (TestTerminal): department → province → district with
/// type-to-filter, the 6-digit code typed straight in, Backspace back a level, Esc cancels.
@MainActor
@Suite struct UbigeoPickerTests {
    final class Picked: @unchecked Sendable { var names: [Ubigeo.Names?] = [] }

    /// An app with the picker open over it.
    func open(initial: String? = nil) throws -> (ScreenHarness, UbigeoPicker, Picked) {
        let h = try ScreenHarness(width: 100, height: 30)
        let picked = Picked()
        let picker = UbigeoPicker(initialCode: initial, strings: h.app.context.strings) { picked.names.append($0) }
        h.app.context.present(picker)
        h.app.applyCommands()
        h.app.draw()
        return (h, picker, picked)
    }

    @Test func pickDepartmentProvinceDistrictByTyping() throws {
        let (h, picker, picked) = try open()
        #expect(h.screen.contains("Departamento") && h.screen.contains("010000  AMAZONAS"), "\(h.screen)")
        h.type("lima")
        #expect(picker.options.map(\.code) == ["150000"])
        h.keys(.enter)
        #expect(picker.stage == .province("150000"))
        #expect(h.screen.contains("LIMA › Provincia") && h.screen.contains("150100  LIMA") && h.screen.contains("150200  BARRANCA"))
        assertGolden(h.app.lastFrame, "ubigeo-picker-provinces-100x30")
        h.keys(.enter)
        #expect(picker.stage == .district("150100"))
        h.type("san isi")
        #expect(h.screen.contains("LIMA › LIMA › Distrito") && h.screen.contains("150131  SAN ISIDRO"), "\(h.screen)")
        h.keys(.enter)
        #expect(picked.names.map { $0?.code } == ["150131"])
        #expect(picked.names.first??.line == "SAN ISIDRO, LIMA, LIMA")
        #expect(h.app.overlays.isEmpty)
    }

    @Test func accentsFoldAndBackspaceGoesBack() throws {
        let (h, picker, picked) = try open()
        h.type("ANCASH")
        h.keys(.enter)
        h.type("santa")
        h.keys(.enter)
        h.type("Nepeña")
        #expect(picker.options.map(\.name) == ["NEPEÑA"])
        h.send(Array(repeating: .key(.backspace), count: 7))
        #expect(picker.stage == .province("020000"), "an empty filter and Backspace go back a level")
        h.keys(.backspace)
        #expect(picker.stage == .department)
        h.type("zzz")
        #expect(h.screen.contains("Nada coincide con «zzz»."))
        h.keys(.escape)
        #expect(picked.names.count == 1 && picked.names[0] == nil)
        #expect(h.app.overlays.isEmpty)
    }

    @Test func typingTheCodePicksItAndAWrongCodeIsSaid() throws {
        let (h, _, picked) = try open()
        h.type("150100")
        h.keys(.enter)
        #expect(h.screen.contains("El código 150100 no es un distrito del ubigeo."), "\(h.screen)")
        #expect(picked.names.isEmpty)
        h.send(Array(repeating: .key(.backspace), count: 6))
        h.type("080108")
        h.keys(.enter)
        #expect(picked.names.map { $0?.district } == ["WANCHAQ"])
    }

    @Test func startsAtTheAddressesDistrict() throws {
        let (h, picker, picked) = try open(initial: "040129")
        #expect(picker.stage == .district("040100"))
        #expect(h.screen.contains("AREQUIPA › AREQUIPA › Distrito"), "\(h.screen)")
        h.keys(.enter)
        #expect(picked.names.map { $0?.code } == ["040129"])
    }
}
