import Testing
@testable import BytekModel

@Suite struct AuthorizedKeysBlockTests {
    let db = "/srv/bytek/bytek.sqlite"
    var begin: String { AuthorizedKeysBlock.beginMarker(database: db) }
    var end: String { AuthorizedKeysBlock.endMarker(database: db) }

    func line(_ login: String) throws -> String {
        let key = try SSHPublicKey.parseLine(SSHKeyFixtures.ed25519)
        return AuthorizedKeysBlock.keyLine(
            command: try AuthorizedKeysBlock.forcedCommand(binary: "/usr/local/bin/bytek", database: db, login: login), key: key)
    }

    @Test func theKeyLineForcesTheSessionOfItsUserWithRestrictAndPty() throws {
        #expect(try line("ana") == "command=\"/usr/local/bin/bytek --db /srv/bytek/bytek.sqlite ssh-session ana\",restrict,pty "
            + SSHKeyFixtures.ed25519)
    }

    @Test func pathsWithSpacesAreQuotedForTheShellAndQuotesAreRefused() throws {
        #expect(try AuthorizedKeysBlock.forcedCommand(binary: "/opt/mi bytek/bytek", database: "/srv/o'brien.sqlite", login: "ana")
            == "'/opt/mi bytek/bytek' --db '/srv/o'\\''brien.sqlite' ssh-session ana")
        #expect(throws: AuthorizedKeysError.unsafePath("/srv/\"x\".sqlite")) {
            try AuthorizedKeysBlock.forcedCommand(binary: "/b", database: "/srv/\"x\".sqlite", login: "ana")
        }
        #expect(throws: AuthorizedKeysError.unsafePath("/srv/a\nb")) {
            try AuthorizedKeysBlock.forcedCommand(binary: "/b", database: "/srv/a\nb", login: "ana")
        }
        #expect(throws: AuthorizedKeysError.unsafePath("/srv\\x")) {
            try AuthorizedKeysBlock.forcedCommand(binary: "/srv\\x", database: "/d", login: "ana")
        }
    }

    @Test func aNewBlockIsAppendedAndEveryOtherLineKeptByteForByte() throws {
        let outside = "# de la dueña\nssh-ed25519 AAAAotra dueña@pc\n\n"
        let written = try AuthorizedKeysBlock.replacing(in: outside, database: db, with: [try line("ana")], file: "f")
        #expect(written == outside + "\(begin)\n\(AuthorizedKeysBlock.notice)\n\(try line("ana"))\n\(end)\n")
        // A file without a final newline gets one before the block.
        let noNewline = try AuthorizedKeysBlock.replacing(in: "ssh-rsa AAAA x", database: db, with: [try line("ana")], file: "f")
        #expect(noNewline.hasPrefix("ssh-rsa AAAA x\n\(begin)\n"))
        #expect(try AuthorizedKeysBlock.replacing(in: "", database: db, with: [try line("ana")], file: "f").hasPrefix(begin))
    }

    @Test func theBlockIsReplacedInPlaceAndRemovedWhenEmpty() throws {
        let before = "# arriba\n", after = "# abajo sin salto final"
        let original = before + "\(begin)\nvieja línea\n\(end)\n" + after
        let replaced = try AuthorizedKeysBlock.replacing(in: original, database: db, with: [try line("ana"), try line("luis")], file: "f")
        #expect(replaced == before + "\(begin)\n\(AuthorizedKeysBlock.notice)\n\(try line("ana"))\n\(try line("luis"))\n\(end)\n" + after)
        let emptied = try AuthorizedKeysBlock.replacing(in: replaced, database: db, with: [], file: "f")
        #expect(emptied == before + after)
        #expect(try AuthorizedKeysBlock.replacing(in: "# solo\n", database: db, with: [], file: "f") == "# solo\n")
    }

    @Test func anotherDatabasesBlockIsLeftAlone() throws {
        let other = "# BEGIN BYTEK db=/otra.sqlite\nlínea de la otra\n# END BYTEK db=/otra.sqlite\n"
        let written = try AuthorizedKeysBlock.replacing(in: other, database: db, with: [try line("ana")], file: "f")
        #expect(written.hasPrefix(other))
        let emptied = try AuthorizedKeysBlock.replacing(in: written, database: db, with: [], file: "f")
        #expect(emptied == other)
    }

    @Test(arguments: [
        "BEGIN only", "END only", "END before BEGIN", "two blocks",
    ])
    func aDamagedBlockIsRefusedNotGuessed(_ damage: String) throws {
        let content: String
        switch damage {
        case "BEGIN only": content = "\(begin)\nx\n"
        case "END only": content = "x\n\(end)\n"
        case "END before BEGIN": content = "\(end)\nx\n\(begin)\n"
        default: content = "\(begin)\n\(end)\n\(begin)\n\(end)\n"
        }
        #expect(throws: AuthorizedKeysError.damagedBlock(file: "/h/.ssh/authorized_keys")) {
            try AuthorizedKeysBlock.replacing(in: content, database: db, with: [try line("ana")], file: "/h/.ssh/authorized_keys")
        }
    }

    @Test func aKeyAlreadyOutsideTheBlockIsFoundByLine() throws {
        let key = try SSHPublicKey.parseLine(SSHKeyFixtures.ed25519)
        let inside = try AuthorizedKeysBlock.replacing(in: "# x\n", database: db, with: [try line("ana")], file: "f")
        #expect(AuthorizedKeysBlock.lineOutsideBlock(holding: key, in: inside, database: db) == nil)
        let outside = inside + "from=\"10.0.0.1\" \(SSHKeyFixtures.ed25519)\n"
        #expect(AuthorizedKeysBlock.lineOutsideBlock(holding: key, in: outside, database: db) == 6)
        #expect(!AuthorizedKeysError.keyOutsideBlock(line: 7).message.isEmpty)
    }
}
