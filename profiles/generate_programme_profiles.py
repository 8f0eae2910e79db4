"""Writes the programme StructureDefinitions, SearchParameters and OperationDefinitions (profiles/base/*.json).

python3 profiles/generate_programme_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT, BASE, header, write, complex_extension, extension_slices
from generate_enrolment_profiles import search_parameter
from generate_claim_profiles import operation

VOUCHER_NUMBER = 'https://imis-fhir.org/fhir/sid/voucher-number'


def main():
    complex_extension('voucher-details', 'VoucherDetails', 'Voucher details',
                      'The status of a health voucher (chèque santé: new, used, cancelled), its programme code, the '
                      'import it came from and the policy that used it.', ['Basic'],
                      [('status', 'code', 1, None), ('programme', 'string', 0, None), ('importId', 'string', 0, None),
                       ('usedBy', 'Reference', 0, 'http://hl7.org/fhir/StructureDefinition/Coverage')])
    complex_extension('voucher-status-change', 'VoucherStatusChange', 'Voucher status change',
                      'One change of a voucher\'s status: the new status, when, by whom and why (import, enrolment, '
                      'duplicate management).', ['Basic'],
                      [('status', 'code', 1, None), ('at', 'dateTime', 1, None), ('by', 'string', 0, None),
                       ('reason', 'string', 0, None)])
    sd = header('imis-voucher', 'ImisVoucher', 'Health voucher (chèque santé)', 'resource', 'Basic',
                'http://hl7.org/fhir/StructureDefinition/Basic',
                'A health voucher of a programme (Cameroon Chèque Santé): its number (identifier, system '
                f'{VOUCHER_NUMBER}, unique), status new/used/cancelled with the programme and import, and the history '
                'of every status change.')
    write(sd, [{'id': 'Basic', 'path': 'Basic'}]
          + extension_slices('Basic', [('details', BASE + 'voucher-details', 1, '1'),
                                       ('statusChange', BASE + 'voucher-status-change', 0, '*')])
          + [{'id': 'Basic.identifier', 'path': 'Basic.identifier', 'min': 1, 'short': 'Voucher number'},
             {'id': 'Basic.code', 'path': 'Basic.code',
              'patternCodeableConcept': {'coding': [{'system': 'https://imis-fhir.org/fhir/CodeSystem/basic-resource-type',
                                                     'code': 'voucher'}]}}])
    search_parameter('voucher-number', 'voucher-number', 'Basic', f"Basic.identifier.where(system='{VOUCHER_NUMBER}')",
                     'The number of a health voucher.')
    search_parameter('voucher-number-unique', None, 'Basic', None, 'A voucher number is used once.', unique_of='voucher-number')
    search_parameter('voucher-status', 'voucher-status', 'Basic',
                     f"Basic.extension('{BASE}voucher-details').extension('status').value",
                     'The status of a health voucher: new, used, cancelled.')
    operation('Basic-import-vouchers', 'import-vouchers', 'Basic',
              'Imports health vouchers from a CSV file (columns NumCheque, ChequeStatus): per row created, unchanged, '
              'duplicate (a number already in the file, or stored with another status: nothing is overwritten, a '
              'used voucher never) or refused (number not of the configured format, unknown status). Re-importing '
              'the same file changes nothing.', True, False,
              [('csv', 'in', 1, '1', 'The file, UTF-8, comma or semicolon separated, with a header row.', 'string'),
               ('programme', 'in', 0, '1', 'Programme code (default CCS).', 'string'),
               ('created', 'out', 1, '1', 'Rows created.', 'integer'),
               ('unchanged', 'out', 1, '1', 'Rows already stored as written.', 'integer'),
               ('duplicate', 'out', 1, '1', 'Rows whose number is known (file or store) with another status.', 'integer'),
               ('refused', 'out', 1, '1', 'Rows refused.', 'integer'),
               ('row', 'out', 0, '*', 'One row: line, number, outcome, resource, reason.', None)])
    operation('Basic-set-voucher-status', 'set-voucher-status', 'Basic',
              'Changes a voucher\'s status in the duplicate-management procedure (new or cancelled, never used: '
              'only an enrolment uses a voucher), with a mandatory reason kept in its history.', False, True,
              [('status', 'in', 1, '1', 'new or cancelled.', 'code'),
               ('reason', 'in', 1, '1', 'Why.', 'string'),
               ('return', 'out', 1, '1', 'The voucher.', 'Basic')])


if __name__ == '__main__':
    main()
