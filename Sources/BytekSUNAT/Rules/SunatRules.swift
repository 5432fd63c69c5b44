import CSunatRules
import Foundation

/// SUNAT's validation rules, run in-process: the `ValidaExprReg*.xsl` stylesheets SUNAT's servers apply to
/// every document, read from a folder the administrator installs (SUNAT publishes them for taxpayers).
///
/// The C engine (CSunatRules) runs them with libxslt + libexslt and PCRE2 behind EXSLT's regexp:match,
/// patching SUNAT's DataPower files in memory only (the shims S1–S7 that `run-rules` lists). Each
/// stylesheet is compiled once per process and the catalogs it reads stay parsed; runs are serialised
/// by one process-wide lock. Safe to use from any thread.
public struct SunatRules: Sendable, Hashable {
    /// The folder as configured.
    public let folder: String

    /// Checks that `folder` holds SUNAT's stylesheets (the factura's at least); compiles nothing yet.
    public init(folder: String) throws(SunatRulesError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderUnusable(folder: folder, detail: "no existe")
        }
        let factura = (folder as NSString).appendingPathComponent(SunatRuleSet.factura.fileName)
        guard FileManager.default.isReadableFile(atPath: factura) else {
            throw .folderUnusable(folder: folder, detail: "falta \(SunatRuleSet.factura.fileName)")
        }
        self.folder = folder
    }

    /// Runs the rules on `xml`. `fileName` is the name SUNAT would receive (RUC-TT-SERIE-NUMERO.xml; several
    /// rules read it). The stylesheet follows from the document unless `ruleSet` is given. With `stopAtFirst`
    /// the run ends at the first rejecting error, like SUNAT; otherwise every error and observation is listed.
    public func check(_ xml: [UInt8], fileName: String, ruleSet: SunatRuleSet? = nil,
                      stopAtFirst: Bool = false) throws(SunatRulesError) -> SunatRulesReport {
        var out: UnsafeMutablePointer<CChar>?
        var outLength = 0
        var used = [CChar](repeating: 0, count: 128)
        var err = [CChar](repeating: 0, count: 2048)
        let rc = xml.withUnsafeBufferPointer { x in
            used.withUnsafeMutableBufferPointer { u in
                err.withUnsafeMutableBufferPointer { e in
                    sunat_rules_check(folder, x.baseAddress, x.count, fileName, ruleSet?.fileName, stopAtFirst ? 1 : 0,
                                      &out, &outLength, u.baseAddress, u.count, e.baseAddress, e.count)
                }
            }
        }
        guard rc >= 0, let out else { throw .engine(Self.string(err)) }
        defer { sunat_rules_free(out) }
        let text = String(decoding: UnsafeRawBufferPointer(start: out, count: outLength), as: UTF8.self)
        let findings = text.split(separator: "\u{1E}", omittingEmptySubsequences: true)
            .compactMap { SunatRuleFinding(record: String($0)) }
        return SunatRulesReport(stylesheet: Self.string(used), findings: findings, stoppedAtFirstError: rc == 1)
    }

    /// Compiles `ruleSets` now (once per process) instead of on the first check.
    public func prepare(_ ruleSets: [SunatRuleSet] = SunatRuleSet.allCases, stopAtFirst: Bool = false) throws(SunatRulesError) {
        for set in ruleSets {
            var err = [CChar](repeating: 0, count: 2048)
            let rc = err.withUnsafeMutableBufferPointer { e in
                sunat_rules_prepare(folder, set.fileName, stopAtFirst ? 1 : 0, e.baseAddress, e.count)
            }
            guard rc == 0 else { throw .engine(Self.string(err)) }
        }
    }

    /// SUNAT's text for `code` from the folder's CatalogoErrores.xml, nil when the catalog lacks it.
    public func catalogText(code: String) -> String? {
        var out = [CChar](repeating: 0, count: 1024)
        var err = [CChar](repeating: 0, count: 512)
        let rc = out.withUnsafeMutableBufferPointer { o in
            err.withUnsafeMutableBufferPointer { e in
                sunat_rules_error_text(folder, code, o.baseAddress, o.count, e.baseAddress, e.count)
            }
        }
        guard rc == 1 else { return nil }
        let text = Self.string(out).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
