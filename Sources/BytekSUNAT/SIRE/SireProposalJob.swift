import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// The "sire.propuesta" job: asks SUNAT's SIRE API for a period's RVIE proposal, follows its ticket and saves the
/// file beside the database as `propuesta-RVIE-AAAAMM.zip`, ready for `bytek sire ventas --propuesta` or the
/// screen's comparison. The SOL user and password come from the secrets, the API's client id and secret from
/// BYTEK_SIRE_CLIENT_ID / BYTEK_SIRE_CLIENT_SECRET. A ticket still in progress fails the attempt (the worker
/// retries later).
public enum SireProposalJob {
    public static let kind = "sire.propuesta"

    /// The payload: the period ("2026-11") and the folder to save into.
    public static func payload(period: YearMonth, folder: String) -> String {
        let object = ["period": period.description, "folder": folder]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Where the job saves the proposal of `period`.
    public static func path(period: YearMonth, folder: String) -> String {
        folder + "/propuesta-RVIE-" + SalesRegisterPeriod.code(period) + ".zip"
    }

    public static func run(_ context: JobContext, environment: [String: String], pollSeconds: TimeInterval = 0.5) throws -> String {
        let object = context.payloadObject
        guard let text = object["period"] as? String, let folder = object["folder"] as? String,
              let period = try? SalesRegisterPeriod.parse(text) else {
            throw SunatJobError("la solicitud de la propuesta no tiene periodo o carpeta")
        }
        let settings = try EInvoicingSettingsRepository(db: context.db).require()
        let secrets = try Secrets.load(environment: environment)
        guard let user = secrets.value("sol_user"), let password = secrets.value("sol_password") else {
            throw SunatJobError("faltan el usuario y la clave SOL en los secretos")
        }
        let client = SireAPIClient(config: try .from(environment: environment, username: settings.issuer.ruc + user, password: password))
        let code = SalesRegisterPeriod.code(period)
        let token = try client.token()
        let ticket = try client.requestProposal(period: code, token: token)
        var file: (name: String, type: String)?
        for attempt in 0..<6 {
            file = try client.ticketFile(ticket: ticket, period: code, token: token)
            if file != nil || context.isStopping { break }
            if attempt < 5 { Thread.sleep(forTimeInterval: pollSeconds) }
        }
        guard let file else { throw SunatJobError("SUNAT aún prepara la propuesta de \(period) (ticket \(ticket)); se reintentará") }
        let data = try client.download(file, token: token)
        let target = path(period: period, folder: folder)
        try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        let result = ["ticket": ticket, "file": target, "bytes": String(data.count)]
        return String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self)
    }
}
