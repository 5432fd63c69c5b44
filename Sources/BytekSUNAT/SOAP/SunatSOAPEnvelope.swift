import Foundation

/// SOAP 1.1 envelopes with the WS-Security UsernameToken header SUNAT requires.
enum SunatSOAPEnvelope {
    static func make(username: String, password: String, operation: String, fields: [(String, String)]) -> String {
        let body = fields.map { "<\($0.0)>\(escape($0.1))</\($0.0)>" }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:ser="http://service.sunat.gob.pe" \
        xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
        <soapenv:Header><wsse:Security><wsse:UsernameToken>\
        <wsse:Username>\(escape(username))</wsse:Username>\
        <wsse:Password>\(escape(password))</wsse:Password>\
        </wsse:UsernameToken></wsse:Security></soapenv:Header>\
        <soapenv:Body><ser:\(operation)>\(body)</ser:\(operation)></soapenv:Body></soapenv:Envelope>
        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
