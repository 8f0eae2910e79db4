"""Writes the programme StructureDefinitions, SearchParameters and OperationDefinitions (profiles/base/*.json).

python3 profiles/generate_programme_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT, BASE, header, write, complex_extension, extension_slices, simple_extension
from generate_enrolment_profiles import search_parameter
from generate_claim_profiles import operation

VOUCHER_NUMBER = 'https://imis-fhir.org/fhir/sid/voucher-number'
PROGRAMME_CODE = 'https://imis-fhir.org/fhir/sid/programme-code'
PLAN_DEFINITION = 'http://hl7.org/fhir/StructureDefinition/PlanDefinition'


def repeating_complex_extension(sd_id, name, title, description, context, parts):
    """A complex extension whose parts may repeat (complex_extension's parts are max 1)."""
    sd = header(sd_id, name, title, 'complex-type', 'Extension', 'http://hl7.org/fhir/StructureDefinition/Extension',
                description, context)
    elements = [{'id': 'Extension', 'path': 'Extension', 'short': title},
                {'id': 'Extension.extension', 'path': 'Extension.extension',
                 'slicing': {'discriminator': [{'type': 'value', 'path': 'url'}], 'rules': 'closed'}}]
    for part, value_type, max_ in parts:
        p = f'Extension.extension:{part}'
        elements += [{'id': p, 'path': 'Extension.extension', 'sliceName': part, 'min': 0, 'max': max_},
                     {'id': p + '.extension', 'path': 'Extension.extension.extension', 'max': '0'},
                     {'id': p + '.url', 'path': 'Extension.extension.url', 'fixedUri': part},
                     {'id': p + '.value[x]', 'path': 'Extension.extension.value[x]', 'min': 1,
                      'type': [{'code': value_type}]}]
    elements += [{'id': 'Extension.url', 'path': 'Extension.url', 'fixedUri': BASE + sd_id},
                 {'id': 'Extension.value[x]', 'path': 'Extension.value[x]', 'max': '0'}]
    write(sd, elements)


def programme_rules_extension():
    repeating_complex_extension(
        'programme-rules', 'ProgrammeRules', 'Programme rules',
        'What a programme says of the others and of its claims: the programmes whose new policies an active '
        'policy of this one blocks (blocks), the programmes whose active policies a new policy of this one sets '
        'back to idle (idles), and whether its claims carry the voucher number as their code '
        '(claimCodeIsVoucher). Sensitive programmes name a security label (sensitivityLabel): the programme\'s '
        'policies and claims, and the insurees holding an identifier of a sensitiveIdentifier system, carry it in '
        'meta.security and are shown only to users granted that data. Cameroon: CCS blocks and idles PAL; a CCS '
        'claim\'s code is its voucher; VIH is labelled HIV (v3-ActCode) through the TARV code and the national MPI '
        'number.',
        ['PlanDefinition'], [('blocks', 'code', '*'), ('idles', 'code', '*'), ('claimCodeIsVoucher', 'boolean', '1'),
                             ('sensitivityLabel', 'Coding', '1'), ('sensitiveIdentifier', 'uri', '*')])
    repeating_complex_extension(
        'product-eligibility', 'ProductEligibility', 'Product eligibility',
        'Who a product may be given to, by the identifiers of the family\'s members: a policy needs a member '
        'carrying an identifier of each requiresIdentifier system, and is refused when a member carries one of an '
        'excludesIdentifier system. Cameroon: the HIV-positive product requires the TARV code; the HIV-negative '
        'product requires the national MPI number and excludes the TARV code.',
        ['InsurancePlan'], [('requiresIdentifier', 'uri', '*'), ('excludesIdentifier', 'uri', '*')])


def programmes():
    programme_rules_extension()
    simple_extension('programme', 'Programme', 'Programme',
                     'A country programme (PlanDefinition of profile imis-programme): the programme of a product, a '
                     'programme a health facility offers (repeated), the programme a claim is made under, or the '
                     'programme a MeasureReport of the programme report is about.',
                     ['InsurancePlan', 'Organization', 'Claim', 'MeasureReport'], 'Reference',
                     target=BASE + 'imis-programme')
    sd = header('imis-programme', 'ImisProgramme', 'Programme', 'resource', 'PlanDefinition', PLAN_DEFINITION,
                'A country programme (Cameroon: CCS Chèque Santé, GRAT free care for children under 5, VIH HIV '
                f'user-fee exemption, PAL): its code (identifier, system {PROGRAMME_CODE}, unique), name (title), '
                'validity (effectivePeriod) and its rules towards other programmes (programme-rules). Products, '
                'facilities and claims point to it with the programme extension; a policy carries it as a '
                'Coverage class of type programme.')
    write(sd, [{'id': 'PlanDefinition', 'path': 'PlanDefinition'}]
          + extension_slices('PlanDefinition', [('rules', BASE + 'programme-rules', 0, '1')])
          + [{'id': 'PlanDefinition.identifier', 'path': 'PlanDefinition.identifier', 'min': 1, 'max': '1',
              'short': 'Programme code'},
             {'id': 'PlanDefinition.identifier.system', 'path': 'PlanDefinition.identifier.system', 'min': 1,
              'fixedUri': PROGRAMME_CODE},
             {'id': 'PlanDefinition.identifier.value', 'path': 'PlanDefinition.identifier.value', 'min': 1},
             {'id': 'PlanDefinition.title', 'path': 'PlanDefinition.title', 'min': 1, 'short': 'Programme name'},
             {'id': 'PlanDefinition.effectivePeriod', 'path': 'PlanDefinition.effectivePeriod', 'min': 1,
              'short': 'Validity of the programme'}])
    search_parameter('programme-code', 'programme-code', 'PlanDefinition',
                     f"PlanDefinition.identifier.where(system='{PROGRAMME_CODE}')", 'The code of a programme.')
    search_parameter('programme-code-unique', None, 'PlanDefinition', None, 'A programme code is used once.',
                     unique_of='programme-code')
    search_parameter('coverage-programme', 'programme', 'Coverage',
                     "Coverage.class.where(type.coding.code='programme').value",
                     'The code of the programme of a policy.')
    search_parameter('claim-programme', 'programme', 'Claim', f"Claim.extension('{BASE}programme').value",
                     'The programme a claim is made under.', type_='reference', target=['PlanDefinition'])
    search_parameter('insuranceplan-programme', 'programme', 'InsurancePlan',
                     f"InsurancePlan.extension('{BASE}programme').value",
                     'The programme of a product.', type_='reference', target=['PlanDefinition'])
    search_parameter('organization-programme', 'programme', 'Organization',
                     f"Organization.extension('{BASE}programme').value",
                     'A programme a health facility offers.', type_='reference', target=['PlanDefinition'])


def main():
    programmes()
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
