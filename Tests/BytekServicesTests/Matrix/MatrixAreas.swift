/// The areas the permission matrix walks. An area adds one line here.
enum MatrixAreas {
    static let all: [any MatrixArea.Type] = [
        CustomerMatrix.self,
        CatalogMatrix.self,
        SalesMatrix.self,
        QuoteMatrix.self,
        BillingMatrix.self,
        RatesMatrix.self,
        AdminMatrix.self,
        PadronMatrix.self,
        SalesRegisterMatrix.self,
        RecurringMatrix.self,
        ReceivableMatrix.self,
        PeriodMatrix.self,
        StatementMatrix.self,
        CreditMatrix.self,
        CardMatrix.self,
        MessageMatrix.self,
        ReminderMatrix.self,
        HolidayMatrix.self,
        ProjectsMatrix.self,
        GateMatrix.self,
        MilestonesMatrix.self,
        ProfitabilityMatrix.self,
        TimesheetsMatrix.self,
    ]
}
