extension Operation {
    /// Every operation of BYTEK Core, area by area. The permission matrix test fails for an
    /// operation missing from its cases, and `bytek permissions` prints this list as a table.
    public static var all: [Operation] {
        customerOperations + catalogOperations + salesOperations + quoteOperations + billingOperations + rateOperations
            + padronOperations + adminOperations
            + salesRegisterOperations
            + recurringOperations
            + receivableOperations
            + statementOperations
            + creditOperations
            + periodOperations
            + cardOperations
            + messageOperations
            + reminderOperations
            + holidayOperations
            + projectOperations
            + gateOperations
            + milestoneOperations
            + profitabilityOperations
            + timesheetOperations
    }
}
