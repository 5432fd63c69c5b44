import Testing
@testable import BytekModel

/// What a forced SSH session may run: the allow-list, everything else, and identity overrides.
@Suite struct SSHCommandPolicyTests {
    @Test(arguments: [
        ("invoice list", ["invoice", "list"]),
        ("bytek invoice list --status aceptado --limit 5", ["invoice", "list", "--status", "aceptado", "--limit", "5"]),
        ("invoice show F001-1", ["invoice", "show", "F001-1"]),
        ("invoice pdf F001-1", ["invoice", "pdf", "F001-1", "-o", "-"]),
        ("  invoice\tpdf   F001-1 --ticket ", ["invoice", "pdf", "F001-1", "--ticket", "-o", "-"]),
        ("quote list --state aceptada --unit U1", ["quote", "list", "--state", "aceptada", "--unit", "U1"]),
        ("quote show COT-2026-00001 --version 2", ["quote", "show", "COT-2026-00001", "--version", "2"]),
        ("quote pdf COT-2026-00001", ["quote", "pdf", "COT-2026-00001", "-o", "-"]),
        ("help", ["help"]),
        ("bytek", ["tui"]), ("tui", ["tui"]), ("bytek tui", ["tui"]),
    ])
    func theAllowListBecomesPlainArguments(_ original: String, _ expected: [String]) throws {
        #expect(try SSHCommandPolicy.arguments(for: original) == expected)
    }

    @Test(arguments: [
        "sh", "bash -i", "sqlite3 /srv/bytek.sqlite .dump", "cat /etc/passwd", "scp -t /tmp", "internal-sftp",
        "invoice list; sh", "invoice list && sh", "invoice list | sh", "invoice pdf $(id)", "invoice pdf `id`",
        "invoice pdf F001-1 -o /etc/passwd", "invoice pdf F001-1 > /tmp/x", "invoice pdf 'F001-1'", "invoice pdf",
        "invoice pdf --ticket", "invoice issue --file x.json", "invoice void F001-1 --reason x", "invoice list --limit",
        "quote reopen COT-1 --motivo x", "quote pdf COT-1 --ticket", "user list", "ssh-keys list", "worker",
        "restore /tmp/x", "backup /tmp/x", "export customers", "help me", "tui now", "bytek bytek", "invoice", "invoice pdf F001-1\nsh",
        "invoice pdf F001-1 --version 1", String(repeating: "a", count: 501),
    ])
    func everythingElseIsRefused(_ original: String) {
        #expect(throws: SSHCommandRefusal.self) { try SSHCommandPolicy.arguments(for: original) }
        do {
            _ = try SSHCommandPolicy.arguments(for: original)
        } catch let SSHCommandRefusal.notAllowed(shown) {
            #expect(!shown.contains("\n") && shown.count <= 120)
        } catch {
            Issue.record("\(original): \(error)")
        }
    }

    @Test(arguments: ["--user admin", "bytek --user admin invoice list", "invoice list --user=admin",
                      "invoice list --db /tmp/otra.sqlite", "BYTEK_USER=admin invoice list", "BYTEK_DB=/x invoice list"])
    func choosingTheUserOrTheDatabaseIsAnIdentityRefusal(_ original: String) {
        #expect {
            try SSHCommandPolicy.arguments(for: original)
        } throws: { error in
            if case SSHCommandRefusal.identityOverride = error { return true }
            return false
        }
    }
}
