import Foundation
import Testing
@testable import BytekServices

/// The README prints the permission matrix; it must be the one the program enforces.
@Suite("README's permission table")
struct PermissionTableREADMETests {
    @Test func theREADMEPrintsTheMatrixOfTheOperations() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- permisos:inicio -->\n"))
        let end = try #require(readme.range(of: "<!-- permisos:fin -->"))
        let printed = String(readme[start.upperBound..<end.lowerBound])
        #expect(printed == PermissionTable.markdown(),
                "la tabla del README no es la de `bytek permissions`: vuelva a pegarla entre los marcadores")
        #expect(printed.split(separator: "\n").count == Operation.all.count + 2)
    }
}
