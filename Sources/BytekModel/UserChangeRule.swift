/// The rules an admin's change to a user must keep: nobody disables itself, and the last active
/// admin is never disabled nor given another role (someone must always be able to manage users).
public enum UserChangeRefusal: Error, Hashable, Sendable {
    /// The acting user tried to disable itself.
    case disableSelf(String)
    /// The change would leave no active admin.
    case lastAdmin(String)
}

public enum UserChangeRule {
    /// Why changing `before` into `after`, done by `actor`, is refused; nil when it is allowed.
    /// `activeAdmins` is the number of active admins before the change.
    public static func refusal(actor: String, before: User, after: User, activeAdmins: Int) -> UserChangeRefusal? {
        let wasAdmin = before.active && before.role == .admin
        let staysAdmin = after.active && after.role == .admin
        if wasAdmin && !staysAdmin && activeAdmins <= 1 { return .lastAdmin(before.login) }
        if before.active && !after.active && before.login == actor { return .disableSelf(before.login) }
        return nil
    }
}
