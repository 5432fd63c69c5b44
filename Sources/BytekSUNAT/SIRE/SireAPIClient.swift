import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SUNAT's SIRE REST API for the sales register (RVIE), the calls the worker makes: an OAuth token (the same
/// password flow as the GRE API, scope `https://api-sire.sunat.gob.pe`), ask for the period's proposal (a ticket),
/// the ticket's state, and the file it produced.
///
/// Paths as public clients of the API use them (SUNAT's "Manual de Servicios Web Api SIRE Ventas", 5.16–5.18):
/// `POST {auth}/v1/clientessol/{client_id}/oauth2/token/`;
/// `GET {sire}/v1/contribuyente/migeigv/libros/rvie/propuesta/web/propuesta/{AAAAMM}/exportapropuesta?codTipoArchivo=0`
/// → `numTicket`; `GET …/rvierce/gestionprocesosmasivos/web/masivo/consultaestadotickets?perIni&perFin&page&perPage&numTicket`
/// → `registros[].archivoReporte[].nomArchivoReporte`; `GET …/masivo/archivoreporte?nomArchivoReporte&codTipoArchivoReporte`.
public struct SireAPIClient: Sendable {
    public struct Config: Sendable {
        /// "https://api-seguridad.sunat.gob.pe" (or the emulator's address).
        public var authBase: String
        /// "https://api-sire.sunat.gob.pe" (or the emulator's address).
        public var sireBase: String
        public var clientID: String
        public var clientSecret: String
        /// RUC + SOL user.
        public var username: String
        public var password: String
        public var timeout: TimeInterval = 60

        public init(authBase: String, sireBase: String, clientID: String, clientSecret: String, username: String, password: String) {
            self.authBase = authBase; self.sireBase = sireBase; self.clientID = clientID; self.clientSecret = clientSecret
            self.username = username; self.password = password
        }

        /// From the environment: BYTEK_SIRE_CLIENT_ID and BYTEK_SIRE_CLIENT_SECRET (the API credentials SUNAT gives
        /// in Operaciones en Línea), BYTEK_SIRE_AUTH_URL and BYTEK_SIRE_URL to point elsewhere (the emulator).
        public static func from(environment: [String: String], username: String, password: String) throws -> Config {
            guard let id = environment["BYTEK_SIRE_CLIENT_ID"], !id.isEmpty,
                  let secret = environment["BYTEK_SIRE_CLIENT_SECRET"], !secret.isEmpty else {
                throw SunatJobError("faltan las credenciales de la API del SIRE (BYTEK_SIRE_CLIENT_ID y BYTEK_SIRE_CLIENT_SECRET)")
            }
            return Config(authBase: environment["BYTEK_SIRE_AUTH_URL"] ?? "https://api-seguridad.sunat.gob.pe",
                          sireBase: environment["BYTEK_SIRE_URL"] ?? "https://api-sire.sunat.gob.pe",
                          clientID: id, clientSecret: secret, username: username, password: password)
        }
    }

    public let config: Config

    public init(config: Config) { self.config = config }

    static let libros = "/v1/contribuyente/migeigv/libros"

    /// The access token.
    public func token() throws -> String {
        var request = try Self.request(config.authBase + "/v1/clientessol/" + Self.escape(config.clientID) + "/oauth2/token/")
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let form = [("grant_type", "password"), ("scope", "https://api-sire.sunat.gob.pe"), ("client_id", config.clientID),
                    ("client_secret", config.clientSecret), ("username", config.username), ("password", config.password)]
        request.httpBody = Data(form.map { $0.0 + "=" + Self.escape($0.1) }.joined(separator: "&").utf8)
        let object = try json(request, what: "el token del SIRE")
        guard let token = object["access_token"] as? String, !token.isEmpty else {
            throw SunatJobError("SUNAT no dio el token del SIRE (¿usuario, clave o credenciales de la API?)")
        }
        return token
    }

    /// Asks for the proposal of `period` ("202611"); returns the ticket.
    public func requestProposal(period: String, token: String) throws -> String {
        let object = try json(authorized(Self.libros + "/rvie/propuesta/web/propuesta/\(period)/exportapropuesta?codTipoArchivo=0", token),
                              what: "la propuesta")
        guard let ticket = (object["numTicket"] as? String) ?? (object["numTicket"] as? Int).map(String.init) else {
            throw SunatJobError("SUNAT no devolvió el ticket de la propuesta")
        }
        return ticket
    }

    /// The report file of a finished ticket (name, type), nil while SUNAT is still working on it.
    public func ticketFile(ticket: String, period: String, token: String) throws -> (name: String, type: String)? {
        let path = Self.libros + "/rvierce/gestionprocesosmasivos/web/masivo/consultaestadotickets?perIni=\(period)&perFin=\(period)"
            + "&page=1&perPage=20&numTicket=" + Self.escape(ticket)
        let object = try json(authorized(path, token), what: "el estado del ticket \(ticket)")
        let records = object["registros"] as? [[String: Any]] ?? []
        guard let record = records.first(where: { ($0["numTicket"] as? String) == ticket }) ?? records.first,
              let files = record["archivoReporte"] as? [[String: Any]],
              let file = files.first, let name = file["nomArchivoReporte"] as? String, !name.isEmpty else { return nil }
        return (name, file["codTipoArchivoReporte"] as? String ?? "01")
    }

    /// The bytes of a report file (the proposal's ZIP).
    public func download(_ file: (name: String, type: String), token: String) throws -> Data {
        let path = Self.libros + "/rvierce/gestionprocesosmasivos/web/masivo/archivoreporte?nomArchivoReporte="
            + Self.escape(file.name) + "&codTipoArchivoReporte=" + Self.escape(file.type)
        let (data, status) = try send(authorized(path, token))
        guard status == 200, !data.isEmpty else { throw SunatJobError("SUNAT respondió \(status) al descargar \(file.name)") }
        return data
    }

    private func authorized(_ path: String, _ token: String) throws -> URLRequest {
        var request = try Self.request(config.sireBase + path)
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return request
    }

    private func json(_ request: URLRequest, what: String) throws -> [String: Any] {
        let (data, status) = try send(request)
        guard status == 200, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SunatJobError("SUNAT respondió \(status) al pedir \(what)")
        }
        return object
    }

    private func send(_ request: URLRequest) throws -> (Data, Int) {
        do { return try SunatSOAPClient.perform(request, timeout: config.timeout) } catch {
            throw SunatJobError("no se pudo conectar con el SIRE: " + error.message)
        }
    }

    static func request(_ text: String) throws -> URLRequest {
        guard let url = URL(string: text) else { throw SunatJobError("dirección del SIRE no válida: \(text)") }
        return URLRequest(url: url)
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}
