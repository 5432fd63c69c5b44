import BytekModel
import BytekStore
import BytekWorker
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import BytekSUNAT

/// The SUNAT emulator (Tests/SunatEmulator/sunat_emulator.py) on 127.0.0.1, started on port 0 for one test.
final class RunningEmulator: @unchecked Sendable {
    static let script: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SunatEmulator/sunat_emulator.py").path

    let process: Process
    let port: Int

    init(extraArguments: [String] = []) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.script, "--port", "0"] + extraArguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            p.terminate()
            throw EmulatorError.didNotStart(text)
        }
        process = p
        self.port = port
    }

    deinit { stop() }

    func stop() {
        // SIGKILL: the emulator keeps nothing worth saving, and SIGTERM may wait for open connections.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }

    var endpoints: SunatEndpoints { .emulator(port: port) }

    func client(timeout: TimeInterval = 10, user: String = "20123456786MODDATOS", password: String = "moddatos") -> SunatSOAPClient {
        SunatSOAPClient(billService: URL(string: endpoints.billService)!, consultService: URL(string: endpoints.consultService)!,
                        username: user, password: password, timeout: timeout)
    }

    /// POST /__control with a JSON object.
    func control(_ object: [String: Any]) throws {
        _ = try http("/__control", body: try JSONSerialization.data(withJSONObject: object))
    }

    /// GET /__log: the SOAP requests seen.
    func log() throws -> [[String: Any]] {
        let data = try http("/__log", body: nil)
        let value = try JSONSerialization.jsonObject(with: data)
        if let list = value as? [[String: Any]] { return list }
        if let obj = value as? [String: Any], let list = obj["log"] as? [[String: Any]] { return list }
        return []
    }

    /// How many sendBill requests for `fileName` SUNAT accepted (result accepted).
    func acceptedSends(_ fileName: String) throws -> Int {
        try log().filter { ($0["operation"] as? String) == "sendBill" && ($0["fileName"] as? String) == fileName
            && ($0["result"] as? String) == "accepted" }.count
    }

    func http(_ path: String, body: Data?) throws -> Data {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 20)
        request.httpMethod = body == nil ? "GET" : "POST"
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let box = DataBox()
        let task = URLSession.shared.dataTask(with: request) { data, _, error in box.set(data, error) }
        task.resume()
        box.semaphore.wait()
        if let e = box.error { throw e }
        return box.data ?? Data()
    }
}

private final class DataBox: @unchecked Sendable {
    let semaphore = DispatchSemaphore(value: 0)
    private(set) var data: Data?
    private(set) var error: (any Error)?
    func set(_ d: Data?, _ e: (any Error)?) { data = d; error = e; semaphore.signal() }
}

enum EmulatorError: Error { case didNotStart(String) }

/// A clock the test moves by hand, so retries with backoff are due without sleeping.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    // Ahead of the wall clock: jobs enqueued with the system clock are due at once.
    private var ms: Int64 = JobQueue.systemClock() + 60_000
    func now() -> Int64 { lock.withLock { ms } }
    func advance(seconds: Int64) { lock.withLock { ms += seconds * 1000 } }
    var clock: MillisecondClock { { [self] in self.now() } }
}

/// A temp database, the test certificate, an issuer with a valid RUC (the emulator's user 20123456786).
struct BillingFixture {
    let folder: String
    let store: Store
    let key: SigningKey
    let clock = ManualClock()

    static let issuerRUC = "20123456786"

    init() throws {
        folder = NSTemporaryDirectory() + "bytek-sunat-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/bytek.sqlite")
        key = try TestCertificate.shared.get().pkcs12Key()
    }

    var repository: EDocumentRepository { EDocumentRepository(db: store.db, user: "tester") }
    var issuer: EDocumentIssuer { EDocumentIssuer(repository: repository, key: key) }

    static var issuer: Issuer {
        Issuer(ruc: issuerRUC, legalName: "BYTEK S.A.C.", tradeName: "BYTEK",
               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                      province: "Lima", department: "Lima"))
    }

    static var customerRUC: String { RUC.complete("2010007097") ?? "20100070970" }

    /// A one-line factura of S/ 100 + IGV (number set by the repository).
    static func factura(_ description: String = "Soporte técnico", price: Decimal = 100) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: Date(), issuer: issuer,
                  customer: DocumentCustomer(documentType: .ruc, number: customerRUC, name: "CLIENTE S.A.C."),
                  lines: [EDocumentLine(description: description, quantity: 1, unit: .service, unitPrice: price,
                                        itemKind: .service)])
    }

    /// A worker on this store with the sunat.send handler bound to `service`, on the manual clock.
    func worker(_ service: any SunatService) -> Worker {
        let w = Worker(db: store.db, leaseSeconds: 30, clock: clock.clock)
        w.log = { _ in }
        w.register(SunatSendJob.kind) { context in try SunatSendJob.run(context, service: { _ in service }) }
        return w
    }
}

// MARK: resúmenes diarios and comunicaciones de baja

extension BillingFixture {
    var batches: EBatchRepository { EBatchRepository(db: store.db, user: "tester", clock: clock.clock) }
    var signer: SunatBatchSigner { SunatBatchSigner(issuer: Self.issuer, key: key) }

    /// A one-line boleta of S/ 50 (number set by the repository) to a DNI customer.
    static func boleta(_ description: String = "Mouse inalámbrico", price: Decimal = 50,
                       issuedAt: Date = Date()) throws -> EDocument {
        EDocument(kind: .boleta, series: try Series("B001", for: .boleta), number: 1, issuedAt: issuedAt, issuer: issuer,
                  customer: DocumentCustomer(documentType: .dni, number: "45678912", name: "María Quispe"),
                  lines: [EDocumentLine(description: description, quantity: 1, unit: .unit, unitPrice: price,
                                        itemKind: .product)])
    }

    /// A worker with the send job and every RC/RA job bound to `service` and this fixture's signer.
    func batchWorker(_ service: any SunatService) -> Worker {
        let w = worker(service)
        let signer = self.signer
        SunatBatchJobs.register(on: w, service: { _ in service }, signer: { _ in signer })
        return w
    }

    /// Runs the worker, moving the manual clock a minute between passes, until nothing is left to run.
    @discardableResult
    func drain(_ worker: Worker, passes: Int = 8) throws -> Int {
        var completed = 0
        for _ in 0..<passes {
            let s = try worker.runOnce()
            completed += s.completed
            if try JobQueue(db: store.db).count(state: .pending) == 0 { break }
            clock.advance(seconds: 60)
        }
        return completed
    }

    /// Marks an issued document accepted, as the send job would after SUNAT's CDR.
    func accept(_ r: EDocumentRecord) throws {
        try repository.recordAnswer(id: r.id, status: .aceptado, cdrZip: nil, responseCode: "0",
                                    description: "aceptada", observations: [])
    }
}

extension RunningEmulator {
    /// The SOAP requests of one operation, oldest first.
    func requests(_ operation: String) throws -> [[String: Any]] {
        try log().filter { ($0["operation"] as? String) == operation }
    }
}
