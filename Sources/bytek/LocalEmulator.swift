import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The SUNAT emulator (`Tests/SunatEmulator/sunat_emulator.py`) run as a child process on 127.0.0.1, for
/// the demo: started on a free port, driven through its control endpoint, stopped at the end.
final class LocalEmulator {
    let process: Process
    let port: Int

    enum Failure: Error, CustomStringConvertible {
        case notFound, didNotStart(String), control(String)
        var description: String {
            switch self {
            case .notFound: return "no se encontró el emulador de SUNAT (Tests/SunatEmulator/sunat_emulator.py)"
            case .didNotStart(let why): return "el emulador de SUNAT no arrancó: \(why)"
            case .control(let why): return "el emulador de SUNAT no aceptó la orden: \(why)"
            }
        }
    }

    /// Starts the emulator with `arguments` after `--port 0`; waits for its "LISTENING <port>" line.
    init(script: String, arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, "--port", "0"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw Failure.didNotStart(String(describing: error)) }
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            if p.isRunning { p.terminate() }
            throw Failure.didNotStart(text.isEmpty ? "sin respuesta (¿python3, xmllint, xmlsec1 y openssl instalados?)" : text)
        }
        process = p
        self.port = port
    }

    deinit { stop() }

    /// SIGTERM, then SIGKILL after two seconds: a parent that blocks SIGTERM (test runners do) passes the
    /// block on, and the emulator saves its `--state` file after every change anyway.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// POST /__control with a JSON object (failure injection: observations, reject_code...).
    func control(_ object: [String: Any]) throws {
        guard let url = URL(string: "http://127.0.0.1:\(port)/__control") else { throw Failure.control("URL") }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: object)
        let done = DispatchSemaphore(value: 0)
        let box = StatusBox()
        let task = URLSession.shared.dataTask(with: request) { _, response, error in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? -1
            box.error = error.map { String(describing: $0) }
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + 15) == .success else { task.cancel(); throw Failure.control("sin respuesta") }
        if let e = box.error { throw Failure.control(e) }
        guard box.status == 200 else { throw Failure.control("HTTP \(box.status)") }
    }
}

/// The answer of one control request, handed from URLSession's queue to the waiting thread.
private final class StatusBox: @unchecked Sendable {
    // @unchecked: written once by the completion handler before the semaphore is signalled, read after.
    var status = 0
    var error: String?
}
