/// The way into BYTEK Core an action came through; the audit log records it beside the actor.
public enum Door: String, CaseIterable, Sendable, Codable {
    /// The terminal application (locally or in a forced SSH session: see `ssh`).
    case tui
    /// A `bytek` command at a local shell.
    case cli
    /// `bytek serve`: the customer portal, the technicians' pages, the hooks.
    case web
    /// A forced SSH session (`bytek ssh-session`): the key decided who the person is.
    case ssh
    /// The background worker, running a job.
    case worker
}
