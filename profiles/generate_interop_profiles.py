"""Writes the HMIS indicator feed's conformance and terminology resources: the OperationDefinition and Measure
(profiles/base) and the indicator CodeSystem, the refusal CodeSystem and the DHIS2 ConceptMap (terminology/imis).

python3 profiles/generate_interop_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT
from generate_claim_profiles import operation

TERMINOLOGY = os.path.join(os.path.dirname(__file__), '..', 'terminology', 'imis')
CS = 'https://imis-fhir.org/fhir/CodeSystem/'
VS = 'https://imis-fhir.org/fhir/ValueSet/'
CLAIM_STATUS = 'https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-status'

# code, display, French, definition, money, by claim status
INDICATORS = [
    ('insurees-active', 'Active insurees', 'Assurés actifs',
     'Active insurees (status AC) of the families with a policy in force on the last day of the month.', False, False),
    ('families-covered', 'Families covered', 'Familles couvertes',
     'Families with at least one policy in force on the last day of the month.', False, False),
    ('policies-active', 'Policies in force', 'Polices en vigueur',
     'Policies in force on the last day of the month: status active or expired, effective on or before that day '
     'and expiring on or after it.', False, False),
    ('policies-new', 'New policies', 'Nouvelles polices',
     'New policies (stage N) enrolled during the month, whatever their status.', False, False),
    ('contributions-count', 'Contributions collected', 'Cotisations encaissées',
     'Contributions paid during the month (pay date).', False, False),
    ('contributions-amount', 'Amount of contributions collected', 'Montant des cotisations encaissées',
     'Amount of the contributions paid during the month, in the scheme currency.', True, False),
    ('claims-count', 'Claims', 'Demandes de remboursement',
     'Claims claimed during the month (date claimed) at the district\'s health facilities, by claim status.',
     False, True),
    ('claims-claimed-amount', 'Amount claimed', 'Montant réclamé',
     'Amount claimed by the claims claimed during the month, by claim status, in the scheme currency.', True, True),
    ('claims-valuated-amount', 'Amount valuated', 'Montant valorisé',
     'Amount valuated of the claims claimed during the month, by claim status (only valuated claims have one), '
     'in the scheme currency.', True, True),
]
CLAIM_COMBOS = [('1', 'CLAIM_REJECTED'), ('2', 'CLAIM_ENTERED'), ('4', 'CLAIM_CHECKED'), ('8', 'CLAIM_PROCESSED'),
                ('16', 'CLAIM_VALUATED')]
ERRORS = [
    ('period-invalid', 'The period is not a month (yyyy-MM)',
     'The period must be a month written yyyy-MM (for example 2026-11), not {0}.',
     'La période doit être un mois écrit aaaa-MM (par exemple 2026-11), pas {0}.'),
    ('district-unknown', 'No district has this code', 'No district has the code {0}.',
     'Aucun district n\'a le code {0}.'),
    ('output-unknown', 'Unknown output form', 'The output must be measurereport (the default) or dhis2, not {0}.',
     'La sortie doit être measurereport (par défaut) ou dhis2, pas {0}.'),
]


def dump(folder, name, resource):
    with open(os.path.join(folder, name), 'w') as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write('\n')


def code_system(cs_id, name, title, description, concepts):
    dump(TERMINOLOGY, f'CodeSystem-{cs_id}.json', {
        'resourceType': 'CodeSystem', 'id': cs_id, 'url': CS + cs_id, 'version': '0.1.0', 'name': name,
        'title': title, 'status': 'active', 'experimental': False, 'publisher': 'IMIS-FHIR',
        'description': description, 'caseSensitive': True, 'valueSet': VS + cs_id, 'content': 'complete',
        'count': len(concepts), 'concept': concepts})
    dump(TERMINOLOGY, f'ValueSet-{cs_id}.json', {
        'resourceType': 'ValueSet', 'id': cs_id, 'url': VS + cs_id, 'version': '0.1.0', 'name': name,
        'title': title, 'status': 'active', 'publisher': 'IMIS-FHIR',
        'compose': {'include': [{'system': CS + cs_id}]}})


def data_element(code):
    return 'IMIS_' + code.upper().replace('-', '_')


def main():
    concepts = [{'code': c, 'display': d, 'definition': definition, 'designation': [{'language': 'fr', 'value': fr}]}
                for c, d, fr, definition, _, _ in INDICATORS]
    concepts.append({'code': 'claim-status', 'display': 'Claim status',
                     'definition': 'Stratifier of the claim indicators: the openIMIS claim status (CodeSystem '
                                   f'{CLAIM_STATUS}).',
                     'designation': [{'language': 'fr', 'value': 'Statut de la demande'}]})
    code_system('hmis-indicator', 'HmisIndicator', 'HMIS indicators',
                'The monthly indicators of the HMIS feed (MeasureReport/$hmis-indicators), per district; the '
                'groups of Measure imis-hmis-monthly.', concepts)
    code_system('imis-hmis-error', 'ImisHmisError', 'HMIS feed refusals',
                'Why a request of the HMIS indicator feed is refused (HTTP 400).',
                [{'code': c, 'display': d, 'definition': en, 'designation': [{'language': 'fr', 'value': fr}]}
                 for c, d, en, fr in ERRORS])

    dump(OUT, 'Measure-imis-hmis-monthly.json', {
        'resourceType': 'Measure', 'id': 'imis-hmis-monthly',
        'url': 'https://imis-fhir.org/fhir/Measure/imis-hmis-monthly', 'version': '0.1.0',
        'name': 'ImisHmisMonthly', 'title': 'Health insurance: monthly HMIS indicators per district',
        'status': 'active', 'publisher': 'IMIS-FHIR',
        'description': 'Monthly aggregates of the scheme per district (insurees, families, policies, contributions, '
                       'claims by status), reported as summary MeasureReports by MeasureReport/$hmis-indicators. The '
                       'subject of a report is the district (Location, identifier system '
                       'https://imis-fhir.org/fhir/sid/location-code); each group is one indicator; counts are '
                       'Quantities of unit 1, amounts Quantities in the scheme currency (urn:iso:std:iso:4217).',
        'subjectCodeableConcept': {'coding': [{'system': 'http://hl7.org/fhir/resource-types', 'code': 'Location'}]},
        'scoring': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/measure-scoring',
                                'code': 'continuous-variable'}]},
        'type': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/measure-type', 'code': 'structure'}]}],
        'group': [{'code': {'coding': [{'system': CS + 'hmis-indicator', 'code': c, 'display': d}]},
                   'description': definition,
                   **({'stratifier': [{'code': {'coding': [{'system': CS + 'hmis-indicator', 'code': 'claim-status'}]},
                                       'description': 'openIMIS claim status (' + CLAIM_STATUS + ')'}]}
                      if by_status else {})}
                  for c, d, _, definition, _, by_status in INDICATORS]})

    elements = [{'code': c, 'display': d, 'target': [{'code': data_element(c), 'equivalence': 'equivalent'}]}
                for c, d, _, _, _, _ in INDICATORS]
    dump(TERMINOLOGY, 'ConceptMap-hmis-indicator-to-dhis2.json', {
        'resourceType': 'ConceptMap', 'id': 'hmis-indicator-to-dhis2',
        'url': 'https://imis-fhir.org/fhir/ConceptMap/hmis-indicator-to-dhis2', 'version': '0.1.0',
        'name': 'HmisIndicatorToDhis2', 'title': 'HMIS indicators to DHIS2 aggregate codes',
        'status': 'active', 'publisher': 'IMIS-FHIR',
        'description': 'How the MeasureReports of MeasureReport/$hmis-indicators map onto a DHIS2 aggregate data '
                       'set, in DHIS2 codes (import with dataElementIdScheme=CODE, orgUnitIdScheme=CODE, '
                       'categoryOptionComboIdScheme=CODE): indicator to data element; claim status stratum to '
                       'category option combo (unstratified indicators: default); the report subject\'s location '
                       'code is the org unit code and the month yyyy-MM the period yyyyMM.',
        'sourceUri': VS + 'hmis-indicator',
        'group': [
            {'source': CS + 'hmis-indicator', 'target': 'urn:dhis2:dataElement', 'element': elements},
            {'source': CLAIM_STATUS, 'target': 'urn:dhis2:categoryOptionCombo',
             'element': [{'code': s, 'target': [{'code': combo, 'equivalence': 'equivalent'}]}
                         for s, combo in CLAIM_COMBOS]},
        ]})

    operation('MeasureReport-hmis-indicators', 'hmis-indicators', 'MeasureReport',
              'The HMIS indicator feed of one month: per district, a summary MeasureReport of Measure '
              'imis-hmis-monthly with one group per indicator (CodeSystem hmis-indicator: active insurees, families '
              'covered, policies in force, new policies, contributions collected and their amount, claims by status '
              'with the amounts claimed and valuated). Computed from the stored families, policies, contributions '
              'and claims; writes nothing. A user limited to districts gets theirs only. With output=dhis2 the '
              'same figures come as a DHIS2 dataValueSets JSON document (ConceptMap hmis-indicator-to-dhis2).',
              True, False,
              [('period', 'in', 1, '1', 'The month, yyyy-MM (for example 2026-11).', 'string'),
               ('district', 'in', 0, '*', 'Code of a district to report (default: every district the user works in).',
                'string'),
               ('output', 'in', 0, '1', 'measurereport (default: a collection Bundle of MeasureReports) or dhis2 '
                '(a dataValueSets JSON document).', 'string'),
               ('return', 'out', 1, '1', 'A collection Bundle with one MeasureReport per district, or with '
                'output=dhis2 the dataValueSets document.', 'Resource')],
              affects_state=False)


if __name__ == '__main__':
    main()
