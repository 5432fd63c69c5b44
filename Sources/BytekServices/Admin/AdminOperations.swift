import BytekModel

extension Operation {
    /// Only admins (Usuarios is an admin module; backups and SSH keys were admin-only before this layer).
    static let adminOnly: @Sendable (Role) -> Bool = { $0 == .admin }

    static let userList = Operation("usuario.listar", .users, .read)
    static let userCreate = Operation("usuario.crear", .users, .write)
    /// Name and role (the last active admin is never demoted: `UserChangeRule`).
    static let userEdit = Operation("usuario.editar", .users, .write)
    /// Disable or enable (nobody disables itself; the last active admin stays).
    static let userDisable = Operation("usuario.deshabilitar", .users, .write)
    /// Any member of staff records its own login (the TUI, an SSH session).
    static let userLogin = Operation("usuario.ingresar", .users, .none)

    static let sshKeyList = Operation("clave_ssh.listar", .users, .write, rule: adminOnly)
    static let sshKeyAdd = Operation("clave_ssh.agregar", .users, .write, rule: adminOnly)
    static let sshKeyRemove = Operation("clave_ssh.quitar", .users, .write, rule: adminOnly)
    /// Rewrites the managed block of authorized_keys, or saves which file it is.
    static let sshKeySync = Operation("clave_ssh.sincronizar", .users, .write, rule: adminOnly)

    /// Invites a customer's contact (Clientes `P`, `bytek portal invite`): who may change customers.
    static let portalInviteContact = Operation("portal.invitar_contacto", .customers, .write)
    /// Invites a technician or resets its access (Usuarios `r`, `bytek portal invite-tecnico`).
    static let portalInviteTechnician = Operation("portal.invitar_tecnico", .users, .write)
    /// Ends a contact's sessions and e-mails a new link (`bytek portal reset`).
    static let portalResetContact = Operation("portal.restablecer_contacto", .customers, .write)

    static let backupCreate = Operation("respaldo.crear", .jobs, .write, rule: adminOnly)
    /// Who may see the jobs may see how the backups went.
    static let backupStatus = Operation("respaldo.estado", .jobs, .read)
    static let backupDrill = Operation("respaldo.simulacro", .jobs, .write, rule: adminOnly)
    static let backupOffsite = Operation("respaldo.copia_externa", .jobs, .write, rule: adminOnly)
    /// Replaces a database with an archive's (`bytek restore`).
    static let backupRestore = Operation("respaldo.restaurar", .jobs, .write, rule: adminOnly)

    static let auditRead = Operation("auditoria.ver", .audit, .read)

    /// What the secrets file must hold for this database (`bytek secrets check`; never a value).
    static let secretsCheck = Operation("secretos.revisar", .users, .write, rule: adminOnly)

    static let jobList = Operation("tarea.listar", .jobs, .read)
    static let jobRetry = Operation("tarea.reintentar", .jobs, .write)

    /// Users, SSH keys, portal accounts, backups, the audit log and the jobs, in the order the matrix prints them.
    public static let adminOperations = [
        userList, userCreate, userEdit, userDisable, userLogin,
        sshKeyList, sshKeyAdd, sshKeyRemove, sshKeySync,
        portalInviteContact, portalInviteTechnician, portalResetContact,
        backupCreate, backupStatus, backupDrill, backupOffsite, backupRestore,
        auditRead, jobList, jobRetry, secretsCheck,
    ]
}
