import Foundation

/// Small helpers for the JSON text that jobs carry in `payload` and `result`.
public enum JobPayload {
    /// The text as a JSON object; empty when it is not one.
    public static func object(_ text: String) -> [String: Any] {
        guard let data = text.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data),
              let object = value as? [String: Any] else { return [:] }
        return object
    }

    /// A JSON object as compact text with sorted keys (stable for idempotency keys and tests).
    public static func text(_ object: [String: Any]) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}
