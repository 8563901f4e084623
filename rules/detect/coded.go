package detect

import (
	"strings"
)

// Columns that are personal by what their table is and what they are named, not by their
// sampled values:
//
//   - Coded attributes. In a table about people a key in place of an attribute whose values
//     come from a list (CiviCRM gender_id, prefix_id, suffix_id, state_province_id,
//     country_id; Odoo country_id, department_id; Dolibarr fk_pays, fk_departement) is
//     that attribute in code: the person's gender, country or department, one join away.
//     Keys to records (address_id, bank_account_id, contact_id) are not.
//   - HR tables. Every measure of an employee table (AdventureWorks Employee.VacationHours,
//     SalesPerson.SalesYTD) describes the employee; every amount of a pay table
//     (EmployeePayHistory.Rate) is pay; the dates of an assignment or contract table
//     (SalesTerritoryHistory.StartDate, hr_contract.date_start) are the course of the
//     employment.
//
// Both report name evidence with codedConfidence: above the threshold, below what validated
// values give.

const codedConfidence = 0.65

// personContext reports tables about people: by their name, direct identifiers among their
// columns, or a key to a person table.
func personContext(t tableCtx) bool {
	return !t.nonPerson() && (t.kind == tablePerson || t.personColumns || t.personLink || t.identity)
}

// contextSignal names the strongest person evidence of a table.
func contextSignal(t tableCtx) string {
	switch {
	case t.kind == tablePerson:
		return tableKindSignal[tablePerson]
	case t.personColumns || t.identity:
		return "context:person_columns"
	}
	return "context:person_link"
}

// codedMatch returns the coded attribute a column's name stands for, or nil: a key word
// turned the match off (gender_id, country_fk), or the entry is matched on a numeric column
// (Dolibarr fk_pays integer, Odoo country_of_birth integer).
func codedMatch(name string, nm nameMatch, typ typeKind) *nameMatch {
	if nm.coded != nil {
		return nm.coded
	}
	if nm.cat != None && codable(nm) && (typ == typeInt || typ == typeDecimal) && !orderWords[nm.phrase] {
		if w := words(name); len(w) > 0 && keyWords[w[len(w)-1]] && w[len(w)-1] != "code" {
			return nil // staff_number: a record number, not a code
		}
		return &nm
	}
	return nil
}

// orderWords are employment entries that, as a bare number, are more often a sort order
// or a flag than a code: position, function.
var orderWords = wordList("order_words")

// looksCoded: every value is a short code without spaces (1226, 3, MR, FR-75).
func looksCoded(vals []string) bool {
	for _, v := range vals {
		if len(v) > 12 || strings.ContainsAny(v, " \t@") {
			return false
		}
	}
	return true
}

func codedCandidate(m *nameMatch, vals []string, in scoreInput) (candidate, bool) {
	d := byCategory[m.cat]
	if d == nil || !personContext(in.ctx) && in.ctx.hr == hrNone || !looksCoded(vals) {
		return candidate{}, false
	}
	sig := []string{"name:" + string(m.cat), "name:coded", contextSignal(in.ctx)}
	if len(vals) > 0 {
		sig = append(sig, "value:coded")
	}
	return candidate{d: d, named: true, conf: codedConfidence, signals: sig}, true
}

// HR topics of a table, judged from its name and key columns.
type hrTopic uint8

const (
	hrNone       hrTopic = iota
	hrEmployee           // Employee, hr_employee, SalesPerson, mitarbeiter
	hrPay                // EmployeePayHistory, payroll, salary_history
	hrAssignment         // SalesTerritoryHistory, EmployeeDepartmentHistory, job_history, hr_contract
)

var (
	employeeNouns   = wordList("employee_nouns")
	payNouns        = wordList("pay_nouns")
	assignmentNouns = wordList("assignment_nouns")
	// employment attributes an assignment table is the history of
	hrAttributes = wordList("hr_attributes")
	// relationWords name another person (ReportsTo, manager_id, coach_id): not the employee's measures.
	relationWords = wordList("relation_words")
	// auditWords mark a row's bookkeeping (ModifiedDate, created_at, rowguid).
	auditWords = wordList("audit_words")
	// keyWords end the names of keys and record numbers (emp_number, staff_no).
	keyWords = wordList("key_words")
	// periodWords name the start and end of an assignment or an employment.
	periodWords = wordList("period_words")
)

// hrTopicOf judges a table about employees from its name and its key columns.
func hrTopicOf(table string, tc tableCtx, employeeKey bool) hrTopic {
	w := words(table)
	employee, pay, assign, attr := employeeKey, false, false, false
	for i, x := range w {
		s := singular(x)
		switch {
		case employeeNouns[x] || employeeNouns[s]:
			employee = true
		case (x == "sales" || x == "sale") && i+1 < len(w) && (w[i+1] == "person" || w[i+1] == "rep" || w[i+1] == "representative"):
			employee = true
		}
		if payNouns[x] || payNouns[s] {
			pay = true
		}
		if assignmentNouns[x] {
			assign = true
		}
		if hrAttributes[x] || hrAttributes[s] {
			attr = true
		}
	}
	if strings.Contains(strings.Join(w, ""), "humanresources") {
		attr, employee = true, true
	}
	switch {
	case pay && (employee || attr || personContext(tc)): // tabSalary Slip(employee_name, …)
		return hrPay
	case assign && (employee || attr):
		return hrAssignment
	case employee && tc.kind == tablePerson:
		return hrEmployee
	}
	return hrNone
}

// hrCandidate classifies an unnamed column of an HR table: measures of employees and pay
// amounts, the period of an assignment.
func hrCandidate(col Column, nm nameMatch, in scoreInput) (candidate, bool) {
	// The amount of a pay table is pay; the status of an employee is their employment status.
	payAmount := in.ctx.hr == hrPay && nm.phrase == "amount"
	empStatus := in.ctx.hr == hrEmployee && nm.phrase == "status"
	if in.ctx.hr == hrNone || nm.cat != None || nm.modifier != "" || nm.blocked && !payAmount && !empStatus {
		return candidate{}, false
	}
	if empStatus {
		return candidate{d: byCategory[Employment], conf: codedConfidence, signals: []string{"context:hr_table"}}, true
	}
	w := words(col.Name)
	if len(w) == 0 || refWords[w[len(w)-1]] || keyWords[w[len(w)-1]] {
		return candidate{}, false // BusinessEntityID, TerritoryID, emp_number: keys
	}
	period := false
	for _, x := range w {
		if auditWords[x] || relationWords[x] || refWords[x] {
			return candidate{}, false
		}
		if periodWords[x] {
			period = true
		}
	}
	numeric := in.typ == typeInt || in.typ == typeDecimal
	cat := Employment
	switch {
	case in.ctx.hr == hrPay && numeric:
		cat = SalaryFinancial
	case in.ctx.hr == hrEmployee && numeric:
	case in.ctx.hr == hrAssignment && in.typ == typeDate && period:
	case in.ctx.hr == hrEmployee && in.typ == typeDate && period: // joined_date, relieving_date
	default:
		return candidate{}, false
	}
	return candidate{d: byCategory[cat], conf: codedConfidence, signals: []string{"context:hr_table"}}, true
}

// onlyFlags: five or more values, all 0 or 1 (a flag stored as a number, tinyint(4)).
func onlyFlags(vals []string) bool {
	if len(vals) < 5 {
		return false
	}
	for _, v := range vals {
		if v != "0" && v != "1" {
			return false
		}
	}
	return true
}

var cardSeparators = strings.NewReplacer(" ", "", "-", "")

// luhnFailures counts values of card length (13–19 digits, maybe grouped) that fail Luhn or
// have no known issuer: test numbers or a bad export, still card data.
func luhnFailures(vals []string) int {
	n := 0
	for _, v := range vals {
		d := cardSeparators.Replace(v)
		if len(d) >= 13 && len(d) <= 19 && isDigits(d) && !(luhn(d) && knownIIN(d)) {
			n++
		}
	}
	return n
}
