import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the text of elements by local name (namespace prefixes dropped), first occurrence first.
/// Enough for SOAP answers and CDRs, whose interesting elements are leaves.
final class XMLLeafCollector: NSObject, XMLParserDelegate {
    private(set) var values: [String: [String]] = [:]
    private var stack: [String] = []
    private var text = ""

    static func collect(_ data: Data) -> [String: [String]]? {
        let parser = XMLParser(data: data)
        let collector = XMLLeafCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = false
        guard parser.parse() else { return nil }
        return collector.values
    }

    /// The value of the first `name` found under an element named `parent` (both local names).
    var paths: [String: [String]] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(Self.local(elementName))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = Self.local(elementName)
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        values[name, default: []].append(value)
        if stack.count >= 2 { paths[stack[stack.count - 2] + "/" + name, default: []].append(value) }
        if !stack.isEmpty { stack.removeLast() }
        text = ""
    }

    static func local(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }
}
