import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Who is using the program.
public struct UserSession: Sendable, Equatable {
    public var login: String
    public var name: String
    public var role: Role
    /// `tui` at a local terminal, `ssh` in a forced SSH session (the audit log records which).
    public var door: Door
    public init(login: String, name: String, role: Role, door: Door = .tui) {
        self.login = login; self.name = name; self.role = role; self.door = door
    }

    /// The actor the operations layer sees.
    public var actor: Actor { .staff(login, role: role, door: door) }
}

/// A message in the status bar.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind
}

/// A request from a screen to the app, carried out after the screen's `handle` returns.
public enum AppCommand {
    case push(any Screen)
    case pop
    case replaceTop(any Screen)
    case switchModule(AppModule)
    case overlay(any Screen)
    case closeOverlay
    case openRecord(AppModule, Int64?)
    case quit
}

/// A module's first screen that can open one of its records (from the palette).
@MainActor
public protocol RecordOpening: AnyObject {
    func openRecord(_ id: Int64?, context: AppContext)
}

/// What a screen can see and ask for: the language, the user, the clock, status messages,
/// and navigation (carried out by the app after the event).
@MainActor
public final class AppContext {
    public let strings: Strings
    public let session: UserSession
    public let formats: Formats
    /// The clock; tests fix it.
    public let now: @Sendable () -> Date
    public private(set) var status: StatusMessage?
    /// The process environment as the command line completed it (e.g. where the SUNAT credentials are).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    var commands: [AppCommand] = []

    public init(strings: Strings, session: UserSession, now: @escaping @Sendable () -> Date = { Date() }) {
        self.strings = strings
        self.session = session
        self.formats = Formats(language: strings.language)
        self.now = now
    }

    public func info(_ text: String) { status = StatusMessage(text: text, kind: .info) }
    public func ok(_ text: String) { status = StatusMessage(text: text, kind: .ok) }
    public func error(_ text: String) { status = StatusMessage(text: text, kind: .error) }
    public func clearStatus() { status = nil }

    public func push(_ screen: any Screen) { commands.append(.push(screen)) }
    public func pop() { commands.append(.pop) }
    public func replaceTop(_ screen: any Screen) { commands.append(.replaceTop(screen)) }
    public func switchTo(_ module: AppModule) { commands.append(.switchModule(module)) }
    /// Shows a screen over everything (dialog, palette, help); Esc in it usually closes it.
    public func present(_ overlay: any Screen) { commands.append(.overlay(overlay)) }
    public func dismiss() { commands.append(.closeOverlay) }
    public func quit() { commands.append(.quit) }
    /// Switches to `module` and opens the record with `id` there (nil: a new one).
    public func openRecord(_ module: AppModule, _ id: Int64?) { commands.append(.openRecord(module, id)) }

    /// The operations layer over `store`, acting as the session's user through its door.
    public func services(_ store: Store) -> Services {
        let env = environment
        return Services(store: store, actor: session.actor, now: now, environment: { env })
    }

    public func can(_ access: Access, _ module: AppModule) -> Bool {
        switch access {
        case .none: return true
        case .read: return PermissionMatrix.canRead(session.role, module)
        case .write: return PermissionMatrix.canWrite(session.role, module)
        }
    }

    /// Puts the "not allowed" message in the status bar and returns false when the user lacks `access`.
    public func require(_ access: Access, _ module: AppModule) -> Bool {
        if can(access, module) { return true }
        let verb = strings[access == .write ? "perm.write" : "perm.read"]
        error(strings.format("app.noPermission", session.role.displayName, verb, strings["module." + module.rawValue]))
        return false
    }
}
