import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends approved template messages through the WhatsApp Cloud API:
/// `POST {base}/v{ver}/{phone-number-id}/messages`, `Authorization: Bearer <token>`, body
/// `{messaging_product: "whatsapp", to, type: "template", template{name, language{code}, components[{type: "body",
/// parameters[{type: "text", text}]}]}}`; the answer's `messages[0].id` is the wamid the status webhook reports on.
public struct WhatsAppClient: Sendable {
    public let config: WhatsAppConfig

    public init(config: WhatsAppConfig) { self.config = config }

    /// The request body of one template message.
    public static func templateBody(to: String, template: String, language: String, parameters: [String]) -> [String: Any] {
        var templateObject: [String: Any] = ["name": template, "language": ["code": language]]
        if !parameters.isEmpty {
            templateObject["components"] = [["type": "body", "parameters": parameters.map { ["type": "text", "text": $0] }]]
        }
        return ["messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "template",
                "template": templateObject]
    }

    /// Sends the template; returns the wamid.
    public func sendTemplate(to: String, template: String, language: String, parameters: [String]) throws(WhatsAppError) -> String {
        guard let url = URL(string: config.messagesURL) else { throw .permanent(code: 0, message: "dirección de WhatsApp no válida (whatsapp_url)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("Bearer \(config.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body = Self.templateBody(to: to, template: template, language: language, parameters: parameters)
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            throw .permanent(code: 0, message: "no se pudo armar el mensaje")
        }
        request.httpBody = data
        let (answer, status) = try Self.perform(request, timeout: config.timeout)
        let object = (try? JSONSerialization.jsonObject(with: answer)) as? [String: Any]
        if (200..<300).contains(status), let messages = object?["messages"] as? [[String: Any]],
           let id = messages.first?["id"] as? String, !id.isEmpty {
            return id
        }
        if let error = object?["error"] as? [String: Any] {
            let code = (error["code"] as? NSNumber)?.intValue ?? 0
            let message = (error["message"] as? String) ?? "error \(code)"
            if WhatsAppError.isTransient(code: code, httpStatus: status) { throw .transient("\(code) \(message)") }
            throw .permanent(code: code, message: message)
        }
        if status >= 500 || status == 429 || status == 0 { throw .transient("HTTP \(status)") }
        throw .permanent(code: status, message: "respuesta inesperada (HTTP \(status))")
    }

    static func perform(_ request: URLRequest, timeout: TimeInterval) throws(WhatsAppError) -> (Data, Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let box = Box()
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.set(.failure(.transient(error.localizedDescription)))
            } else {
                box.set(.success((data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0)))
            }
        }
        task.resume()
        guard box.wait(seconds: timeout + 5) else {
            task.cancel()
            throw .transient("tiempo de espera agotado (\(Int(timeout)) s)")
        }
        switch box.result {
        case .success(let pair)?: return pair
        case .failure(let e)?: throw e
        case nil: throw .transient("sin respuesta")
        }
    }

    /// A one-shot result handed from URLSession's queue to the waiting thread.
    private final class Box: @unchecked Sendable {
        // @unchecked: `value` is written once under `lock` before `done` is signalled, and read after.
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var value: Result<(Data, Int), WhatsAppError>?
        func set(_ v: Result<(Data, Int), WhatsAppError>) { lock.withLock { value = v }; done.signal() }
        func wait(seconds: TimeInterval) -> Bool { done.wait(timeout: .now() + seconds) == .success }
        var result: Result<(Data, Int), WhatsAppError>? { lock.withLock { value } }
    }
}
