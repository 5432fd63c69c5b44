import BytekModel
import BytekStore

extension Services {
    /// The active staff user a door says is acting (the CLI's `--user`, the key of an SSH session),
    /// with `access` to `module` when given. Every door starts here before it builds its `Actor`.
    public static func activeUser(_ login: String, in store: Store, _ access: Access = .none,
                                  _ module: AppModule? = nil) throws -> User {
        let users = UserRepository(db: store.db, user: login)
        if let module, access != .none { return try users.authorize(login, access, module) }
        return try users.requireActive(login)
    }

    /// The actor's own unsaved form input, kept per user and form so nothing typed is lost. Not
    /// business data: no permission and no audit entry.
    public var drafts: DraftRepository { DraftRepository(db: db) }

    /// The theme the actor chose in the palette (nil: none chosen).
    public func savedTheme() -> String? {
        try? SettingsRepository(db: db).value(SettingsRepository.themeKey(user: actor.auditName))
    }

    /// Remembers the theme the actor chose, for its next session.
    public func rememberTheme(_ name: String) {
        try? SettingsRepository(db: db).set(SettingsRepository.themeKey(user: actor.auditName), name)
    }
}
