import Foundation
import Testing
@testable import BytekStore

@Suite struct BackupArchiveTests {
    /// A store with a few rows and a documents folder beside it.
    func setUp(_ tmp: TempFolder) throws -> Store {
        let store = try tmp.store()
        try store.db.write {
            for i in 0..<50 { try store.db.execute("INSERT INTO setting(key, value) VALUES (?, ?)", "k\(i)", "v") }
        }
        try FileManager.default.createDirectory(atPath: tmp.file("documentos/2026"), withIntermediateDirectories: true)
        try Data("%PDF factura".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/2026/F001-1.pdf")))
        try Data("plantilla".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/.oculto")))
        try Data("sol_password=x\n".utf8).write(to: URL(fileURLWithPath: tmp.file("bytek-secretos")))
        return store
    }

    @Test func archiveHoldsDatabaseFilesAndManifestButNoSecrets() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try setUp(tmp)
        let summary = try BackupArchive.create(db: store.db, dataFolder: tmp.path, to: tmp.file("copias/a.zip"), nowMs: 1_000)
        #expect(summary.manifest.files.map(\.path) == ["documentos/2026/F001-1.pdf"])
        #expect(summary.manifest.tables["setting"] == 50)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.file("copias"))
        #expect(leftovers == ["a.zip"], "no temp files or scratch folders stay behind")
        let out = tmp.file("x")
        let manifest = try BackupArchive.extract(summary.path, into: out)
        #expect(manifest == summary.manifest)
        #expect(try String(contentsOfFile: out + "/archivos/documentos/2026/F001-1.pdf", encoding: .utf8) == "%PDF factura")
        #expect(!FileManager.default.fileExists(atPath: out + "/archivos/bytek-secretos"))
        let checked = try BackupCheck.compare(extracted: out, manifest: manifest)
        #expect(checked.files == 1 && checked.rows == manifest.totalRows)
        // A file removed from the extracted copy, or a row more, no longer matches.
        try FileManager.default.removeItem(atPath: out + "/archivos/documentos/2026/F001-1.pdf")
        #expect(throws: BackupError.countsDiffer(what: "la carpeta de archivos", expected: 1, found: 0)) {
            try BackupCheck.compare(extracted: out, manifest: manifest)
        }
        var more = manifest
        more.tables["setting"] = 51
        #expect(throws: BackupError.self) { try BackupCheck.compare(extracted: out, manifest: more) }
    }

    @Test func tamperedArchivesAreRefusedBeforeAnythingIsRestored() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try setUp(tmp)
        let archive = try BackupArchive.create(db: store.db, dataFolder: tmp.path, to: tmp.file("a.zip"), nowMs: 1_000).path
        // Flip one byte in the middle of the compressed data: the ZIP CRC or the SHA-256 catches it.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        bytes[bytes.count / 2] ^= 0xff
        let damaged = tmp.file("danado.zip")
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let target = tmp.file("otra/bytek.sqlite")
        #expect(throws: BackupError.self) { _ = try BackupRestore.restore(from: damaged, into: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
        // A truncated archive too.
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: damaged))
        #expect(throws: BackupError.self) { _ = try BackupRestore.restore(from: damaged, into: target) }
        // The intact one restores the database and its files.
        let outcome = try BackupRestore.restore(from: archive, into: target)
        #expect(outcome.files == 1)
        #expect(try String(contentsOfFile: tmp.file("otra/documentos/2026/F001-1.pdf"), encoding: .utf8) == "%PDF factura")
        #expect(try Database(path: target).scalar("SELECT count(*) FROM setting").intValue == 50)
        #expect(!FileManager.default.fileExists(atPath: tmp.file("otra/bytek-secretos")))
    }
}
