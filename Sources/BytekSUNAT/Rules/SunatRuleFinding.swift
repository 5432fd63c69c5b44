import Foundation

/// One message of SUNAT's validation rules about a document.
public struct SunatRuleFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// SUNAT would reject the document (its number would be spent).
        case error = "E"
        /// Accepted with an observation.
        case warning = "W"
        /// A message of the engine itself (not one of SUNAT's codes).
        case other = "X"
    }

    public let severity: Severity
    /// SUNAT's code ("3270"); empty for `.other`.
    public let code: String
    /// The rule's text, whitespace collapsed.
    public let message: String

    public init(severity: Severity, code: String, message: String) {
        self.severity = severity; self.code = code; self.message = message
    }

    /// "E 3270 …", the line format of `run-rules`.
    public var description: String { "\(severity.rawValue) \(code.isEmpty ? "----" : code) \(message)" }

    /// Reads one message as `run-rules` does: "ERROR NNNN: text" is an error (rejectCall), a message that
    /// starts with four digits a warning (addWarning prints the code then the text), anything else the
    /// engine's own. Nil for an empty message.
    public init?(record: String) {
        let text = record.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        func digits(from start: Int) -> Int {
            var i = start
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            return i - start
        }
        if text.hasPrefix("ERROR ") {
            let n = digits(from: 6)
            if n > 0, scalars.count >= 6 + n + 2, scalars[6 + n] == ":", scalars[6 + n + 1] == " " {
                self.init(severity: .error, code: String(String.UnicodeScalarView(scalars[6..<(6 + n)])),
                          message: String(String.UnicodeScalarView(scalars[(6 + n + 2)...])))
                return
            }
        }
        if digits(from: 0) >= 4 {
            let rest = String(String.UnicodeScalarView(scalars[4...]))
            self.init(severity: .warning, code: String(String.UnicodeScalarView(scalars[0..<4])),
                      message: rest.trimmingCharacters(in: .whitespaces))
            return
        }
        self.init(severity: .other, code: "", message: text)
    }
}

/// What one run of the rules said about a document.
public struct SunatRulesReport: Sendable, Hashable {
    /// The stylesheet that ran (ValidaExprRegFactura-2.0.1.xsl, …).
    public let stylesheet: String
    public let findings: [SunatRuleFinding]
    /// True when the run stopped at the first rejecting error (SUNAT's way) instead of listing them all.
    public let stoppedAtFirstError: Bool

    public init(stylesheet: String, findings: [SunatRuleFinding], stoppedAtFirstError: Bool) {
        self.stylesheet = stylesheet; self.findings = findings; self.stoppedAtFirstError = stoppedAtFirstError
    }

    /// The rejecting errors, in the order the rules found them.
    public var errors: [SunatRuleFinding] { findings.filter { $0.severity == .error } }
    /// The observations.
    public var warnings: [SunatRuleFinding] { findings.filter { $0.severity == .warning } }
    /// True when SUNAT would reject the document.
    public var rejected: Bool { findings.contains { $0.severity == .error } }
}
