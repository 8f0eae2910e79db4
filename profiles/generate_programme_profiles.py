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
               ('importId', 'out', 1, '1', 'The id of this import (the importId of the vouchers it created).', 'string'),
               ('record', 'out', 1, '1', 'The voucher-import record kept of it, with its counts and the rows it took.',
                'Reference'),
               ('row', 'out', 0, '*', 'One row: line, number, outcome, resource, reason.', None)])
    operation('Basic-set-voucher-status', 'set-voucher-status', 'Basic',
              'Changes a voucher\'s status in the duplicate-management procedure (new or cancelled, never used: '
              'only an enrolment uses a voucher; a used voucher can be cancelled, not set back to new), with a '
              'mandatory reason kept in its history. For the voucher manager only, signed in at most '
              'imis.programmes.voucher.reauthentication-minutes before (401 with an RFC 9470 step-up challenge '
              'otherwise).', False, True,
              [('status', 'in', 1, '1', 'new or cancelled.', 'code'),
               ('reason', 'in', 1, '1', 'Why.', 'string'),
               ('return', 'out', 1, '1', 'The voucher.', 'Basic')])
    voucher_duplicates()


# code, display, French, definition
FINDINGS = [
    ('duplicate-in-file', 'Duplicate in one file', 'Doublon dans un fichier',
     'The number is on more than one line of one import file.'),
    ('duplicate-across-imports', 'Duplicate across imports', 'Doublon entre imports',
     'The number came in more than one import (whatever each row\'s outcome: created, unchanged or duplicate).'),
    ('used-by-several-enrolments', 'Used by several enrolments', 'Utilisé par plusieurs enrôlements',
     'The voucher became used more than once: it was used, cancelled, set back to new and used again by another '
     'enrolment.'),
    ('claimed-for-several-insurees', 'Claimed for several insurees', 'Réclamé pour plusieurs assurés',
     'The voucher number is the code of claims for more than one insuree.'),
    ('set-back-to-new-by-import', 'Set back to new by an import', 'Remis à nouveau par un import',
     'An import asked for the voucher as new while it was stored as used (the import kept it used).'),
    ('number-differs-by-case', 'Number differs only by case', 'Numéro différent par la casse seulement',
     'Another voucher\'s number differs from this one only by upper and lower case.'),
    ('used-without-policy', 'Used without policy', 'Utilisé sans police',
     'The voucher is used but no existing policy used it: it was imported as used, or the policy that used it is '
     'gone.'),
    ('cancelled-but-claimed', 'Cancelled but claimed', 'Annulé mais réclamé',
     'The voucher is cancelled but a claim has its number as code.'),
]


def voucher_duplicates():
    from generate_interop_profiles import code_system
    code_system('voucher-finding', 'VoucherFinding', 'Voucher findings',
                'Why Basic/$voucher-duplicates lists a voucher number: it came more than once (duplicate-in-file, '
                'duplicate-across-imports), or the stored voucher is suspicious (the other codes).',
                [{'code': c, 'display': d, 'definition': definition, 'designation': [{'language': 'fr', 'value': fr}]}
                 for c, d, fr, definition in FINDINGS])

    def part(name, min_, max_, doc, type_=None, parts=None):
        p = {'name': name, 'use': 'out', 'min': min_, 'max': max_, 'documentation': doc}
        if type_:
            p['type'] = type_
        if parts:
            p['part'] = parts
        return p

    finding = part('finding', 1, '*', 'A finding.', parts=[
        part('code', 1, '1', 'Its code (CodeSystem https://imis-fhir.org/fhir/CodeSystem/voucher-finding).', 'Coding'),
        part('detail', 1, '1', 'What it means for this voucher, in the caller\'s language.', 'string'),
        part('related', 0, '*', 'The resources it concerns: claims, the policy, other vouchers, import records.',
             'Reference')])
    voucher = [part('number', 1, '1', 'The voucher number.', 'string'),
               part('voucher', 0, '1', 'The stored voucher (absent when the number is not stored).', 'Reference'),
               part('status', 0, '1', 'Its current status: new, used or cancelled.', 'code'),
               part('programme', 0, '1', 'Its programme code.', 'string')]
    od = {'resourceType': 'OperationDefinition', 'id': 'Basic-voucher-duplicates',
          'url': 'https://imis-fhir.org/fhir/OperationDefinition/Basic-voucher-duplicates', 'version': '0.1.0',
          'name': 'BasicVoucherDuplicates', 'title': 'Basic/$voucher-duplicates', 'status': 'active',
          'kind': 'operation', 'publisher': 'IMIS-FHIR',
          'description': 'Lists the duplicate and suspicious health vouchers (the duplicate-management SOP). '
                         'Duplicates: numbers that came more than once, on two lines of one file or in two imports, '
                         'with each row (import, line, status asked, outcome) from the recorded imports and the '
                         'voucher\'s current status. Suspicious: stored vouchers used more than once, claimed for '
                         'several insurees, asked as new by an import while used, differing from another only by '
                         'case, used without a policy, or cancelled but claimed (CodeSystem voucher-finding). '
                         'Parameters, or with format=csv (or Accept: text/csv) a CSV table. Reads only; for the '
                         'voucher manager and the manager.',
          'affectsState': False, 'code': 'voucher-duplicates', 'resource': ['Basic'], 'system': False, 'type': True,
          'instance': False, 'parameter': [
              {'name': 'programme', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'A programme code: its imports and vouchers only.'},
              {'name': 'import', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'An import (its importId, or the id of its voucher-import record): the numbers it '
                                'brought, with their rows in every import.'},
              {'name': 'from', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'First day (yyyy-MM-dd) of the imports, and of the voucher changes, to look at.'},
              {'name': 'to', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'Last day (yyyy-MM-dd), included.'},
              {'name': 'format', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'fhir (default: Parameters) or csv (text/csv, UTF-8, comma separated, header row; to '
                                'a POST of a FHIR body, a Binary of that content type).'},
              part('duplicateCount', 1, '1', 'How many numbers are listed as duplicates.', 'integer'),
              part('suspiciousCount', 1, '1', 'How many vouchers are listed as suspicious.', 'integer'),
              part('duplicate', 0, '*', 'A number that came more than once.', parts=voucher + [
                  finding,
                  part('occurrence', 2, '*', 'A row that brought it.', parts=[
                      part('import', 1, '1', 'The import id.', 'string'),
                      part('record', 1, '1', 'The voucher-import record.', 'Reference'),
                      part('at', 0, '1', 'The day of the import.', 'date'),
                      part('line', 1, '1', 'The line in the file (1 is the header).', 'integer'),
                      part('status', 1, '1', 'The status asked, as written.', 'string'),
                      part('outcome', 1, '1', 'What the import did: created, unchanged or duplicate.', 'code'),
                      part('found', 0, '1', 'The status stored when the import read it.', 'code')])]),
              part('suspicious', 0, '*', 'A suspicious voucher.', parts=voucher + [finding]),
              part('return', 0, '1', 'With format=csv: the CSV table (a Binary to a FHIR request).', 'Binary')]}
    with open(os.path.join(OUT, 'OperationDefinition-Basic-voucher-duplicates.json'), 'w') as f:
        json.dump(od, f, indent=2, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
