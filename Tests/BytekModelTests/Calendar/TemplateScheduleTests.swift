import BytekModel
import Testing

/// Templates counted back from the promised date and forwards from a start, by hand over Semana Santa,
/// Fiestas Patrias and the year end; and the limits of a template.
@Suite struct TemplateScheduleTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }
    static let peru = try! WorkingCalendar.peru(years: 2025...2027)
    static let landing = DefaultTemplates.landingPage

    /// "name start..due" per step, as dates.
    static func lines(_ s: TemplateSchedule) -> [String] {
        s.entries.map { "\($0.step.name) \($0.start)..\($0.due)" }
    }

    @Test func backwardsOverSemanaSanta() throws {
        // Promised mar 07/04/2026: jue 02 and vie 03 are Jueves and Viernes Santo.
        let s = try TemplateSchedule.backwards(Self.landing, promised: Self.day("2026-04-07"), calendar: Self.peru)
        #expect(Self.lines(s) == [
            "brief 2026-03-26..2026-03-26",
            "diseño 2026-03-27..2026-03-27",
            "contenido 2026-03-30..2026-03-30",
            "desarrollo 2026-03-31..2026-04-01",
            "revisión del cliente 2026-04-06..2026-04-06",
            "publicación 2026-04-07..2026-04-07",
        ])
        #expect(s.start == Self.day("2026-03-26") && s.due == Self.day("2026-04-07"))
    }

    @Test func backwardsFromAPromiseOnFiestasPatriasEndsTheWorkingDayBefore() throws {
        // Promised mié 29/07/2026 (feriado); mar 28 too → due lun 27. Jue 23 is Día de la Fuerza Aérea.
        let s = try TemplateSchedule.backwards(Self.landing, promised: Self.day("2026-07-29"), calendar: Self.peru)
        #expect(Self.lines(s) == [
            "brief 2026-07-16..2026-07-16",
            "diseño 2026-07-17..2026-07-17",
            "contenido 2026-07-20..2026-07-20",
            "desarrollo 2026-07-21..2026-07-22",
            "revisión del cliente 2026-07-24..2026-07-24",
            "publicación 2026-07-27..2026-07-27",
        ])
    }

    @Test func backwardsAndForwardsAcrossTheYearEnd() throws {
        // Promised lun 04/01/2027: vie 01/01 Año Nuevo, vie 25/12 Navidad.
        let back = try TemplateSchedule.backwards(Self.landing, promised: Self.day("2027-01-04"), calendar: Self.peru)
        #expect(Self.lines(back) == [
            "brief 2026-12-23..2026-12-23",
            "diseño 2026-12-24..2026-12-24",
            "contenido 2026-12-28..2026-12-28",
            "desarrollo 2026-12-29..2026-12-30",
            "revisión del cliente 2026-12-31..2026-12-31",
            "publicación 2027-01-04..2027-01-04",
        ])
        // From jue 24/12/2026 forwards.
        let fwd = try TemplateSchedule.forwards(Self.landing, from: Self.day("2026-12-24"), calendar: Self.peru)
        #expect(Self.lines(fwd) == [
            "brief 2026-12-24..2026-12-24",
            "diseño 2026-12-28..2026-12-28",
            "contenido 2026-12-29..2026-12-29",
            "desarrollo 2026-12-30..2026-12-31",
            "revisión del cliente 2027-01-04..2027-01-04",
            "publicación 2027-01-05..2027-01-05",
        ])
        // A start on a holiday begins the next working day.
        let fromHoliday = try TemplateSchedule.forwards(Self.landing, from: Self.day("2026-12-25"), calendar: Self.peru)
        #expect(fromHoliday.start == Self.day("2026-12-28"))
    }

    @Test func everyStepTakesItsWorkingDays() throws {
        for t in DefaultTemplates.all {
            try t.validate()
            let s = try TemplateSchedule.backwards(t, promised: Self.day("2026-08-31"), calendar: Self.peru)
            #expect(s.due == Self.day("2026-08-31"))
            for e in s.entries {
                #expect(try Self.peru.workingDays(between: e.start, and: e.due) == e.step.workingDays, "\(t.name) \(e.step.name)")
            }
            #expect(try Self.peru.workingDays(between: s.start!, and: s.due!) == t.totalWorkingDays, "\(t.name)")
        }
        #expect(DefaultTemplates.landingPage.totalWorkingDays == 7)
        #expect(DefaultTemplates.seoMonthly.totalWorkingDays == 20)
    }

    @Test func templateLimitsAreRefusedWithSpanishMessages() {
        let empty = ProjectTemplate(name: "Vacía", unit: .digital, steps: [])
        #expect(throws: CalendarError.noSteps(template: "Vacía")) {
            try TemplateSchedule.backwards(empty, promised: Self.day("2026-08-31"), calendar: Self.peru)
        }
        #expect(CalendarError.noSteps(template: "Vacía").message == "plantilla «Vacía»: agregue al menos un paso")
        let zero = ProjectTemplate(name: "Web", unit: .digital, steps: [TemplateStep("publicación", workingDays: 0, role: .operaciones)])
        #expect(throws: CalendarError.emptyStep(template: "Web", step: "publicación")) { try zero.validate() }
        #expect(CalendarError.emptyStep(template: "Web", step: "publicación").message
                == "plantilla «Web», paso «publicación»: dura 0 días hábiles; cada paso dura al menos 1 día hábil")
        let huge = ProjectTemplate(name: "Eterna", unit: .software, steps: [TemplateStep("diseño", workingDays: 10_001, role: .operaciones)])
        #expect(throws: CalendarError.tooManyDays(field: "plantilla «Eterna», paso «diseño»", max: 10_000)) { try huge.validate() }
        let sum = ProjectTemplate(name: "Larga", unit: .software, steps: [
            TemplateStep("a", workingDays: 6_000, role: .operaciones), TemplateStep("b", workingDays: 5_000, role: .operaciones),
        ])
        #expect(throws: CalendarError.tooManyDays(field: "plantilla «Larga» (suma de los pasos)", max: 10_000)) { try sum.validate() }
        let negative = ProjectTemplate(name: "Web", unit: .digital, steps: [TemplateStep("brief", workingDays: -2, role: .ventas)])
        #expect(throws: CalendarError.negativeDays(field: "plantilla «Web», paso «brief»")) { try negative.validate() }
        let unnamed = ProjectTemplate(name: "  ", unit: .digital, steps: [TemplateStep("brief", workingDays: 1, role: .ventas)])
        #expect(throws: CalendarError.required(field: "plantilla: nombre")) { try unnamed.validate() }
    }
}
