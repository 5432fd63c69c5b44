import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Users, SSH keys, portal accounts, backups, the audit log and the jobs.
enum AdminMatrix: MatrixArea {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICsLkEZ52exMeLN45edEy0QRol45jCyij5FLBtuCu+sj ana@laptop"
    static let otherKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBMnXJsdVtGV6d62ydfIC8DZBpr3xOOcg8gFZr2mJ7Cd beto@pc"

    /// The admin user; authorized_keys in the world's folder (never the real one); a key of the technician; a portal
    /// account for customer A's contact; a failed job.
    static let seed: MatrixSeed = { store, world in
        // The world's users are one per role; admin's row is added when no other seed added it.
        let users = UserRepository(db: store.db, user: "setup")
        if try users.find(MatrixWorld.login(.admin)) == nil {
            try users.add(User(login: MatrixWorld.login(.admin), name: "Administración", role: .admin))
        }
        try SettingsRepository(db: store.db).set(AuthorizedKeysFile.settingKey, world.folder + "/authorized_keys")
        world.ids["sshKey"] = try SSHKeyRepository(db: store.db, user: "setup")
            .add(try SSHPublicKey.parseFile(key), login: MatrixWorld.login(.tecnico)).id
        try PortalRepository(db: store.db, user: "setup").inviteContact(
            email: "ana@cliente-a.pe", customers: [world.customerA], tokenHash: nil, validFor: 3600)
        let queue = JobQueue(db: store.db)
        let job = try queue.enqueue(kind: "matriz.prueba", maxAttempts: 1)
        _ = try queue.claim(owner: "setup", leaseSeconds: 60, kinds: ["matriz.prueba"])
        _ = try queue.fail(id: job.id, owner: "setup", error: "falló a propósito")
        world.ids["failedJob"] = job.id
    }

    static let expected: [String: String] = [
        "usuario.listar": "admin",
        "usuario.crear": "admin",
        "usuario.editar": "admin",
        "usuario.deshabilitar": "admin",
        "usuario.ingresar": ExpectedMatrix.staffAll,
        "clave_ssh.listar": "admin",
        "clave_ssh.agregar": "admin",
        "clave_ssh.quitar": "admin",
        "clave_ssh.sincronizar": "admin",
        "portal.invitar_contacto": "admin ventas finanzas",
        "portal.invitar_tecnico": "admin",
        "portal.restablecer_contacto": "admin ventas finanzas",
        "respaldo.crear": "admin",
        "respaldo.estado": "admin operaciones",
        "respaldo.simulacro": "admin",
        "respaldo.copia_externa": "admin",
        "respaldo.restaurar": "admin",
        "auditoria.ver": "admin finanzas",
        "tarea.listar": "admin operaciones",
        "tarea.reintentar": "admin",
        "secretos.revisar": "admin",
    ]

    static let url = "https://portal.bytek.pe"

    static let cases: [MatrixCase] = [
        MatrixCase(.userList) { s, _, _ in
            guard try s.users.listing().count == Role.allCases.count else { throw ServiceError.notFound }
        },
        MatrixCase(.userCreate) { s, _, _ in
            try s.users.create(User(login: "nuevo", name: "Nuevo Usuario", role: .ventas))
        },
        MatrixCase(.userEdit) { s, _, _ in
            try s.users.update(User(login: MatrixWorld.login(.ventas), name: "Vendedora Renombrada", role: .ventas))
        },
        MatrixCase(.userDisable) { s, _, _ in try s.users.disable(MatrixWorld.login(.soporte)) },
        MatrixCase(.userLogin) { s, _, _ in try s.users.recordLogin(from: "10.0.0.8", command: "invoice list") },
        MatrixCase(.sshKeyList, audited: false) { s, w, _ in
            guard try s.sshKeys.list().keys.map(\.id) == [w.ids["sshKey"]] else { throw ServiceError.notFound }
        },
        MatrixCase(.sshKeyAdd) { s, _, _ in try s.sshKeys.add(keyFileText: otherKey, login: MatrixWorld.login(.ventas)) },
        MatrixCase(.sshKeyRemove) { s, w, _ in try s.sshKeys.remove(w.ids["sshKey"] ?? -1) },
        MatrixCase(.sshKeySync, audited: false) { s, _, _ in
            guard try s.sshKeys.sync().keys == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.portalInviteContact) { s, _, _ in
            guard try s.portalAccounts.inviteContact(email: "beto@cliente-b.pe", publicURL: url).link != nil else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.portalInviteTechnician) { s, _, _ in
            _ = try s.portalAccounts.resetTechnician(login: MatrixWorld.login(.tecnico), publicURL: url)
        },
        MatrixCase(.portalResetContact) { s, _, _ in
            try s.portalAccounts.resetContact(email: "ana@cliente-a.pe", publicURL: url)
            guard try JobQueue(db: s.db).list(kind: PortalInvitations.jobKind).count == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.backupCreate, audited: false) { s, w, _ in
            _ = try s.backups.backup(to: w.folder + "/respaldo-\(UUID().uuidString).zip")
        },
        MatrixCase(.backupStatus, audited: false) { s, _, _ in _ = try s.backups.status() },
        MatrixCase(.backupDrill, audited: false) { s, w, _ in
            let archive = w.folder + "/simulacro-\(UUID().uuidString).zip"
            _ = try s.services(as: .admin).backups.backup(to: archive)
            guard try s.backups.drill(archive: archive, describe: { "\($0)" }).ok else { throw ServiceError.notFound }
        },
        MatrixCase(.backupOffsite, audited: false) { s, _, _ in
            try s.backups.setOffsiteCommand(["rsync", "-a", "{archivo}", "respaldo@otro:/srv/bytek/"])
            guard try s.backups.offsiteCommand()?.first == "rsync" else { throw ServiceError.notFound }
        },
        MatrixCase(.backupRestore, audited: false) { s, w, _ in
            let archive = w.folder + "/para-restaurar-\(UUID().uuidString).zip"
            _ = try s.services(as: .admin).backups.backup(to: archive)
            _ = try s.backups.restore(from: archive, into: w.folder + "/restaurada-\(UUID().uuidString).sqlite")
        },
        MatrixCase(.auditRead) { s, _, _ in
            guard let first = try s.audit.pager().first(1).first, try s.audit.entry(first.item.id) != nil else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.jobList) { s, w, _ in
            guard try s.jobs.pager(state: .failed).first(50).map(\.item.id).contains(w.ids["failedJob"]) else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.jobRetry, audited: false) { s, w, _ in
            guard try s.jobs.retry(w.ids["failedJob"] ?? -1) else { throw ServiceError.notFound }
        },
        MatrixCase(.secretsCheck, audited: false) { s, _, _ in
            // The billing area's seed configures e-invoicing: the check reads it.
            guard try s.secrets.einvoicingConfigured() else { throw ServiceError.notFound }
        },
    ]
}
