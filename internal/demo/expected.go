package demo

// Rule parameters the planted counts in Expected assume.
const (
	LeadRetention   = "P3Y"  // RET-01 period; anchor COALESCE(last_inbound_at, created_at)
	PurgeWindow     = "P30D" // RET-04 purge window for soft-deleted contacts
	ErasureDeadline = "P1M"  // ERA-01 deadline from received_at
	ConsentAge      = 16     // CNS-07: planted children are 13–15 and live in DE, NL or PL (age 16)
)

// Expected holds the planted counts. Generate builds the data from the same constants, and
// the tests count every number again in plain SQL, independently of the scanner.
//
// Notes on how robust each count is:
//   - Soft-deleted contacts (is_deleted=1) have marketing_opt_in=0, a lawful basis, no
//     health value, no consent rows and no child rows (orders, activities, notes), so a
//     rule counts the same whether or not it filters them out. ERA-04 is 10 whether
//     orphans mean "parent missing" or "parent missing or deleted".
//   - CNS03 contacts are the only opt-in contacts with a withdrawn row of any purpose;
//     each got a newsletter email after withdrawing (activity_type 'email').
//   - The 30 CNS02 rows include all 12 rows with capture_method 'import'; those 12 share
//     one captured_at second (a bulk import, CNS06BulkRows). Every other captured_at second
//     is held by at most two rows.
//   - LeadsRevived leads were created 4–6 years ago but wrote in within the last two
//     years: they are not RET-01 findings, but a rule anchored on created_at alone would
//     count them.
//   - CNS04: every live contact created 650+ days ago except the stale ones visited the web
//     site (activity_type 'web_visit') within the last 300 days; younger contacts' consents
//     are under 650 days old. The stale contacts have exactly one granted row.
//   - LAW03 and RET02 come from how orders are handed out: every other contract-basis
//     contact has an order, and every other customer's last order is under 900 days old.
//   - ERA02 requests are status 'completed' with their contact still present; rejected
//     requests also have a completed_at, so ERA-02 needs completed_filter.
//   - MIN04: the duplicated emails belong to live contacts; emails are otherwise unique.
//   - SEC01 rows are the only card numbers, all in payments.card_number. Beware: some
//     German E.164 numbers (contacts.mobile, leads.phone) read without their '+' are
//     13-digit, Luhn-valid strings starting with 4, a Visa IIN; IBANs hold 18–26 digit
//     runs. SEC-01 must not count phone or IBAN columns.
var Expected = struct {
	CNS01          int // marketing_opt_in=1, no granted email_marketing consent row
	CNS02          int // consent rows with NULL notice_version or NULL capture_source
	CNS03          int // marketing_opt_in=1 but the latest email_marketing row is withdrawn
	CNS06BulkRows  int // consent rows sharing one captured_at second (bulk import)
	CNS04          int // opt-in contacts whose only consent is > 24 months old, no web visit since
	CNS05          int // granted consent rows with the catch-all purpose "all"
	CNS07          int // under 16, opted in with a granted email_marketing consent
	LAW01          int // lawful_basis NULL or '' and no granted consent row of any purpose
	NullBasis      int // lawful_basis NULL or ''
	LAW03          int // live contacts with basis "contract" and no order
	RET02          int // contacts whose last order is more than 4 years old (every other within 900 days)
	ERA02          int // completed erasure requests whose contact still exists
	MIN04          int // converted leads sharing an email with a live contact (so also that many contacts)
	RET01          int // leads not converted, anchor 4–7 years old
	OldConverted   int // converted leads with an equally old anchor (not findings)
	LeadsRevived   int // leads created 4–6 years ago with a recent last_inbound_at
	RET04          int // is_deleted=1 and deleted_at older than 90 days
	SoftDeleted    int // is_deleted=1 (the other 5 were deleted within the last 10 days)
	SPC01          int // contacts.health_condition non-null
	ERA01          int // erasure requests open, received 45–200 days ago
	ERA01Recent    int // erasure requests open, received within the last 10 days
	ERA04          int // activities whose contact_id matches no contact
	SEC01          int // plaintext Luhn-valid PANs in payments.card_number
	SEC02          int // payments.card_cvv non-null
	SEC03          int // users.password_hash plaintext or weakly hashed
	SEC03Plaintext int
	SEC03Weak      int // 4 unsalted MD5, 2 SHA-1
	SEC03MD5       int
	SEC03SHA1      int
	SEC03Bcrypt    int
	DSC04Tables    int // stray copies (contacts_bak_2023)
	DSC04Rows      int
	MarketingOptIn int // contacts with marketing_opt_in=1 (all non-deleted)
	ActiveContacts int // rows of the active_contacts view

	NotesWithContact int // notes embedding an email address or a phone number
	NotesWithHealth  int // notes with a health term (none of them also has contact data)

	Rows map[string]int // rows per table
}{
	CNS01:          nOptInNoConsent + nOptInNoConsentNoBasis, // 40
	CNS02:          nImported + nNoNotice + nNoSource,        // 30
	CNS03:          nOptInWithdrawn,                          // 8
	CNS06BulkRows:  nImported,                                // 12
	CNS04:          nStaleConsent,                            // 9
	CNS05:          nBundled,                                 // 6
	CNS07:          nChildren,                                // 4
	LAW03:          nContractNoOrder,                         // 9
	RET02:          nFormerCustomers,                         // 11
	ERA02:          nResidual,                                // 2
	MIN04:          nDupLeads,                                // 6
	LAW01:          nOptInNoConsentNoBasis + nOptOutNoBasis,  // 25
	NullBasis:      nNullBasis,                               // 60
	RET01:          nLeadsOld,                                // 45
	OldConverted:   nLeadsConverted,                          // 20
	LeadsRevived:   nLeadsRevived,                            // 12
	RET04:          nDeletedOld,                              // 15
	SoftDeleted:    nDeletedOld + nDeletedRecent,             // 20
	SPC01:          nHealth,                                  // 35
	ERA01:          nOverdue,                                 // 6
	ERA01Recent:    nOpenRecent,                              // 3
	ERA04:          nOrphans,                                 // 10
	SEC01:          nPlainPAN,                                // 12
	SEC02:          nCVV,                                     // 7
	SEC03:          nPlainPW + nMD5 + nSHA1,                  // 10
	SEC03Plaintext: nPlainPW,                                 // 4
	SEC03Weak:      nMD5 + nSHA1,                             // 6
	SEC03MD5:       nMD5,                                     // 4
	SEC03SHA1:      nSHA1,                                    // 2
	SEC03Bcrypt:    nBcrypt,                                  // 15
	DSC04Tables:    1,
	DSC04Rows:      nBackup,                                  // 120
	MarketingOptIn: nOptInTotal,                              // 300
	ActiveContacts: nContacts - nDeletedOld - nDeletedRecent, // 480

	NotesWithContact: nNoteEmail + nNotePhone, // 14
	NotesWithHealth:  nNoteHealth,             // 6

	Rows: map[string]int{
		"accounts":          nAccounts,   // 40
		"contacts":          nContacts,   // 500
		"leads":             nLeads,      // 300
		"consent_records":   consentRows, // 493
		"orders":            nOrders,     // 800
		"invoices":          nPaidOrders, // 600
		"payments":          nPaidOrders, // 600
		"activities":        nActivities, // 1500
		"notes":             nNotes,      // 300
		"erasure_requests":  nErasure,    // 30
		"users":             nUsers,      // 25
		"products":          nProducts,   // 60
		"countries":         nCountries,  // 31
		"company_settings":  nSettings,   // 8
		"contacts_bak_2023": nBackup,     // 120
	},
}
