"""Writes the programme report's conformance and terminology resources: the OperationDefinition, the Measure and
the voucher-import record profile (profiles/base), the indicator CodeSystem and the refusal CodeSystem
(terminology/imis).

python3 profiles/generate_programme_report_profiles.py
"""
from generate_registry_profiles import OUT, BASE, header, write, complex_extension, extension_slices
from generate_claim_profiles import operation
from generate_interop_profiles import code_system, dump, CS

MEASURE = 'https://imis-fhir.org/fhir/Measure/imis-programme-monthly'

# code, display, French, definition, level (facility: one figure per facility and a programme total; programme:
# programme-wide only), money
INDICATORS = [
    ('beneficiaries-registered', 'Beneficiaries registered', 'Bénéficiaires enregistrés',
     'Insurees of the families whose policy of the programme was entered (enrolment date) during the month, each '
     'counted once. A facility\'s figure counts the insurees attributed to it: the insuree\'s first point of '
     'service, else the facility of the enrolling officer\'s role (PractitionerRole.organization); the programme '
     'total counts them all, attributed or not.', 'facility', False),
    ('services-recorded', 'Services recorded', 'Prestations enregistrées',
     'Lines (services and items) of the programme\'s claims at the facility whose date of care (the line\'s '
     'serviced date, else the claim\'s date from) is in the month, whatever the claim\'s status.', 'facility', False),
    ('claims-submitted', 'Claims submitted', 'Demandes soumises',
     'Claims of the programme at the facility claimed during the month (date claimed) that have been submitted '
     '(checked, processed, valuated, or rejected at submission).', 'facility', False),
    ('claims-valuated', 'Claims valuated', 'Demandes valorisées',
     'Claims of the programme at the facility claimed during the month that are valuated (status 16).',
     'facility', False),
    ('claims-claimed-amount', 'Amount claimed', 'Montant réclamé',
     'Amount claimed by the submitted claims (claims-submitted), in the scheme currency.', 'facility', True),
    ('claims-valuated-amount', 'Amount valuated', 'Montant valorisé',
     'Amount valuated of the valuated claims (claims-valuated), in the scheme currency.', 'facility', True),
    ('vouchers-imported', 'Vouchers imported', 'Chèques importés',
     'Vouchers of the programme created by an import during the month.', 'programme', False),
    ('vouchers-used', 'Vouchers used', 'Chèques utilisés',
     'Vouchers of the programme that became used (by an enrolment) during the month.', 'programme', False),
    ('vouchers-cancelled', 'Vouchers cancelled', 'Chèques annulés',
     'Vouchers of the programme that became cancelled during the month (imported cancelled, or cancelled in the '
     'duplicate-management procedure), each counted once.', 'programme', False),
    ('vouchers-duplicate', 'Voucher duplicates reported', 'Doublons de chèques signalés',
     'Rows reported duplicate by the imports of the programme\'s vouchers during the month (the sum of the '
     'duplicate counts of their voucher-import records).', 'programme', False),
]
ERRORS = [
    ('report-programme-unknown', 'No programme has this code', 'No programme has the code {0}.',
     'Aucun programme n\'a le code {0}.'),
    ('report-period-invalid', 'The period is not a month (yyyy-MM)',
     'The period must be a month written yyyy-MM (for example 2026-11), not {0}.',
     'La période doit être un mois écrit aaaa-MM (par exemple 2026-11), pas {0}.'),
    ('report-facility-unknown', 'No health facility has this code', 'No health facility has the code {0}.',
     'Aucune formation sanitaire n\'a le code {0}.'),
    ('report-format-unknown', 'Unknown output format', 'The format must be fhir (the default) or csv, not {0}.',
     'Le format doit être fhir (par défaut) ou csv, pas {0}.'),
]


def voucher_import_record():
    complex_extension('voucher-import', 'VoucherImport', 'Voucher import',
                      'One import of a voucher file: its id (the importId of the vouchers it created), programme, '
                      'when, by whom, and how many rows were created, unchanged, reported duplicate and refused.',
                      ['Basic'],
                      [('importId', 'string', 1, None), ('programme', 'string', 1, None), ('at', 'dateTime', 1, None),
                       ('by', 'string', 0, None), ('created', 'integer', 1, None), ('unchanged', 'integer', 1, None),
                       ('duplicate', 'integer', 1, None), ('refused', 'integer', 1, None)])
    complex_extension('voucher-import-row', 'VoucherImportRow', 'Voucher import row',
                      'One row a voucher import took (rows refused are only counted): its line in the file (1 is the '
                      'header), the number and status as written, the outcome reported (created, unchanged, '
                      'duplicate) and the status the voucher was stored with when the import read it (absent when it '
                      'was not stored).', ['Basic'],
                      [('line', 'integer', 1, None), ('number', 'string', 1, None), ('status', 'string', 1, None),
                       ('outcome', 'code', 1, None), ('found', 'code', 0, None)])
    sd = header('imis-voucher-import', 'ImisVoucherImport', 'Voucher import record', 'resource', 'Basic',
                'http://hl7.org/fhir/StructureDefinition/Basic',
                'The record Basic/$import-vouchers keeps of each import (extension voucher-import), so that the '
                'duplicates it reported are counted by the programme report, and of each row it took (extension '
                'voucher-import-row), so that Basic/$voucher-duplicates lists the numbers that came more than once.')
    write(sd, [{'id': 'Basic', 'path': 'Basic'}]
          + extension_slices('Basic', [('import', BASE + 'voucher-import', 1, '1'),
                                       ('row', BASE + 'voucher-import-row', 0, '*')])
          + [{'id': 'Basic.code', 'path': 'Basic.code',
              'patternCodeableConcept': {'coding': [{'system': CS + 'basic-resource-type',
                                                     'code': 'voucher-import'}]}},
             {'id': 'Basic.created', 'path': 'Basic.created', 'min': 1, 'short': 'Day of the import'}])


def main():
    voucher_import_record()
    code_system('programme-report-indicator', 'ProgrammeReportIndicator', 'Programme report indicators',
                'The monthly indicators of a country programme (MeasureReport/$programme-report), per health '
                'facility and for the programme; the groups of Measure imis-programme-monthly.',
                [{'code': c, 'display': d, 'definition': definition, 'designation': [{'language': 'fr', 'value': fr}]}
                 for c, d, fr, definition, _, _ in INDICATORS])
    code_system('imis-programme-report-error', 'ImisProgrammeReportError', 'Programme report refusals',
                'Why a request of the programme report is refused (HTTP 400).',
                [{'code': c, 'display': d, 'definition': en, 'designation': [{'language': 'fr', 'value': fr}]}
                 for c, d, en, fr in ERRORS])
    dump(OUT, 'Measure-imis-programme-monthly.json', {
        'resourceType': 'Measure', 'id': 'imis-programme-monthly', 'url': MEASURE, 'version': '0.1.0',
        'name': 'ImisProgrammeMonthly', 'title': 'Country programme: monthly report per health facility',
        'status': 'active', 'publisher': 'IMIS-FHIR',
        'description': 'What a programme manager reads each month (Cameroon: Chèque Santé, HIV exemption, '
                       'free care): per health facility offering the programme or active under it, the beneficiaries '
                       'registered, services recorded, claims submitted and valuated with their amounts; for the '
                       'programme, the same figures in total and its vouchers imported, used, cancelled and reported '
                       'duplicate. Reported as summary MeasureReports by MeasureReport/$programme-report: a '
                       'facility\'s report has the facility as reporter (Organization, identifier system '
                       'https://imis-fhir.org/fhir/sid/hf-code), the programme\'s report has none; both name the '
                       'programme with the extension https://imis-fhir.org/fhir/StructureDefinition/programme. Counts '
                       'are Quantities of unit 1, amounts Quantities in the scheme currency (urn:iso:std:iso:4217).',
        'subjectCodeableConcept': {'coding': [{'system': 'http://hl7.org/fhir/resource-types', 'code': 'Organization'}]},
        'scoring': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/measure-scoring',
                                'code': 'continuous-variable'}]},
        'type': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/measure-type', 'code': 'structure'}]}],
        'group': [{'code': {'coding': [{'system': CS + 'programme-report-indicator', 'code': c, 'display': d}]},
                   'description': definition + (' Programme report only.' if level == 'programme' else '')}
                  for c, d, _, definition, level, _ in INDICATORS]})
    operation('MeasureReport-programme-report', 'programme-report', 'MeasureReport',
              'The monthly report of a country programme: a collection Bundle of summary MeasureReports of Measure '
              'imis-programme-monthly, one per health facility (offering the programme, or with beneficiaries or '
              'claims of it in the month) with the beneficiaries registered, services recorded, claims submitted '
              'and valuated and their amounts, then one for the programme with the same figures in total and the '
              'vouchers imported, used, cancelled and reported duplicate (CodeSystem programme-report-indicator). '
              'With format=csv the same figures as a CSV table, one row per facility and a last row for the '
              'programme. Computed from the stored policies, insurees, claims, vouchers and voucher-import records; '
              'writes nothing.', True, False,
              [('programme', 'in', 1, '1', 'The programme code (for example CCS).', 'string'),
               ('period', 'in', 1, '1', 'The month, yyyy-MM (for example 2026-11).', 'string'),
               ('facility', 'in', 0, '1', 'Code of a health facility: its report only (the programme\'s report '
                'stays programme-wide).', 'string'),
               ('format', 'in', 0, '1', 'fhir (default: a collection Bundle of MeasureReports) or csv (text/csv, '
                'UTF-8, comma separated, header row; to a POST of a FHIR body, a Binary of that content type).',
                'string'),
               ('return', 'out', 1, '1', 'The Bundle of MeasureReports, or with format=csv the CSV table.',
                'Resource')],
              affects_state=False)


if __name__ == '__main__':
    main()
