/// How a command fails. `usage` exits with 2 and shows the command's usage line; `failure` exits with 1.
enum CLIError: Error {
    /// The command line is wrong. `command` names the command whose usage is shown (nil: the global one).
    case usage(String, command: String?)
    /// The command could not do its work; the text is already Spanish.
    case failure(String)
}

/// An import refused (whole, or with bad lines in partial mode): the lines were already reported.
struct ImportRefused: Error {
    let message: String
}
