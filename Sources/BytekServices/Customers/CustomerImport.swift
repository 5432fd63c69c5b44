import BytekModel
import BytekStore

extension CustomerService {
    /// `bytek import customers` and the Clientes import: every line of `table` created, or with
    /// `options.update` matched by document to a stored customer and updated in the columns present
    /// (contacts included). One transaction with one audit entry for the file.
    /// `bytes` is the file as read (`CSVReader` rules: BOM, "," or ";", control characters refused).
    public func importCSV(_ bytes: [UInt8], options: ImportOptions) throws -> ImportReport {
        try actor.authorize(.customerImport)
        let table = try CSVReader.parse(bytes)
        let map = try CSVCustomerMapping.columnMap(header: table.header, updating: options.update)
        let repository = self.repository
        let fileSlots = (1...CSVCustomerMapping.maxContacts).last { slot in
            CSVCustomerMapping.contactFields.contains { map.has("contacto\(slot)_\($0)") }
        } ?? 0
        let importer = CSVImport<Customer>(
            keyColumn: "numero_doc",
            key: { "\($0.docType.rawValue) \($0.docNumber)" },
            stored: { record, map in
                guard let document = CSVCustomerMapping.document(from: record, columns: map) else { return nil }
                return try repository.find(docType: document.type, docNumber: document.number)
            },
            parse: { record, map in try CSVCustomerMapping.customer(from: record, columns: map) },
            merge: { stored, record, map in
                let slots = max(stored.contacts.count, fileSlots)
                let header = CSVCustomerMapping.header(contacts: slots)
                let before = CSVCustomerMapping.row(stored, contacts: slots)
                let cells = header.enumerated().map { i, column in map.has(column) ? map.value(column, in: record) : before[i] }
                var item = try CSVCustomerMapping.customer(from: CSVRecord(line: record.line, fields: cells),
                                                           columns: CSVCustomerMapping.columnMap(header: header))
                item.id = stored.id; item.createdAt = stored.createdAt; item.updatedAt = stored.updatedAt
                let after = CSVCustomerMapping.row(item, contacts: slots)
                return (item, CSVImport<Customer>.changedColumns(header, before, after))
            },
            create: { try repository.create($0) },
            update: { stored, new in
                try repository.update(new)
                if new.archived != stored.archived, let id = stored.id {
                    if new.archived { try repository.archive(id) } else { try repository.restore(id) }
                }
            },
            entity: AuditEntity.customer, noun: "cliente(s)")
        return try importer.run(table, map: map, services: services, options: options)
    }

    /// Every customer (archived too) with its contacts, in the columns `importCSV` reads: one snapshot,
    /// read in keyset pages so memory stays flat on a large table.
    public func exportCSV() throws -> (header: [String], rows: [[String]]) {
        try actor.authorize(.customerExport)
        let repository = self.repository
        return try services.db.read {
            let contacts = try repository.contactsByCustomer()
            let slots = min(contacts.values.map(\.count).max() ?? 0, CSVCustomerMapping.maxContacts)
            var rows: [[String]] = []
            try repository.pager(CustomerQuery(includeArchived: true)).walk { customer in
                var c = customer
                c.contacts = customer.id.flatMap { contacts[$0] } ?? []
                rows.append(CSVCustomerMapping.row(c, contacts: slots))
            }
            return (CSVCustomerMapping.header(contacts: slots), rows)
        }
    }
}
