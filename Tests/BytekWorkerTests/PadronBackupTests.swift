import Foundation
import Testing
@testable import BytekStore

@Suite struct PadronBackupTests {
    /// The padrón beside the database is reference data: a backup never carries it, not even when a
    /// setting names it as an extra file.
    @Test func backupLeavesThePadronOut() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let text = "RUC|NOMBRE|ESTADO|CONDICION|UBIGEO|A|B|C|D|E|F|G|H|I|J|\n"
            + "20100047218|BANCO DE CREDITO DEL PERU|ACTIVO|HABIDO|150114|CAL.|CENTENARIO|-|-|156|-|-|-|-|-|\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: tmp.file("padron.txt")))
        _ = try PadronImporter(destination: PadronFiles.path(besideDatabase: store.db.path)).run(source: tmp.file("padron.txt"))
        #expect(FileManager.default.fileExists(atPath: tmp.file("padron.sqlite")))
        try FileManager.default.createDirectory(atPath: tmp.file("documentos"), withIntermediateDirectories: true)
        try Data("%PDF".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/F001-1.pdf")))
        try Data("x".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/padron.sqlite")))
        try Data("logo".utf8).write(to: URL(fileURLWithPath: tmp.file("logo.png")))
        let summary = try BackupArchive.create(db: store.db, dataFolder: tmp.path, to: tmp.file("copias/a.zip"), nowMs: 1_000,
                                               extraFiles: ["padron.sqlite", "logo.png", "padron.sqlite.tmp"])
        #expect(summary.manifest.files.map(\.path) == ["documentos/F001-1.pdf", "logo.png"])
    }
}
