"""Writes the claim StructureDefinitions and SearchParameters (profiles/base/*.json).

python3 profiles/generate_claim_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT, BASE, IG, IGVS, VS, header, write, simple_extension, complex_extension, extension_slices
from generate_enrolment_profiles import search_parameter

IGCS = 'https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/'
WORKFLOW = BASE + 'claim-workflow'


def main():
    complex_extension('claim-workflow', 'ClaimWorkflow', 'Claim workflow',
                      'Where a claim stands in the scheme\'s workflow, set by the server only: openIMIS status '
                      '(claim-status 1 rejected, 2 entered, 4 checked, 8 processed, 16 valuated), claim rejection reason, '
                      'category (S/D/A/H/C/O/V), review and feedback status (1 idle, 2 not selected, 4 selected, '
                      '8 delivered, 16 bypassed), when it was submitted and processed, why it was returned to the '
                      'facility, the rejected claim it restores, and the batch run that paid it.',
                      ['Claim'],
                      [('status', 'Coding', 1, None), ('rejectionReason', 'Coding', 0, None),
                       ('category', 'code', 0, None), ('reviewStatus', 'code', 0, None),
                       ('feedbackStatus', 'code', 0, None), ('submitted', 'dateTime', 0, None),
                       ('processed', 'dateTime', 0, None), ('returnReason', 'string', 0, None),
                       ('restores', 'Reference', 0, 'http://hl7.org/fhir/StructureDefinition/Claim'),
                       ('batchRun', 'Reference', 0, 'http://hl7.org/fhir/StructureDefinition/Task')])
    complex_extension('claim-line-assignment', 'ClaimLineAssignment', 'Claim line assignment',
                      'The policy and product that pay a claim line, with the price origin (P price list, O own '
                      'price, R relative), the limitation (F fixed, C co-insurance) and its value, the unit price '
                      'used, and whether the maximum quantity shortened the line.',
                      ['ClaimResponse.item'],
                      [('policy', 'Reference', 1, 'http://hl7.org/fhir/StructureDefinition/Coverage'),
                       ('product', 'string', 1, None), ('priceOrigin', 'code', 1, None),
                       ('limitation', 'code', 1, None), ('limitationValue', 'decimal', 1, None),
                       ('unitPrice', 'decimal', 0, None), ('quantityCut', 'boolean', 0, None)])
    complex_extension('claim-allowance-usage', 'ClaimAllowanceUsage', 'Deductible and ceiling used',
                      'What a claim took from one policy\'s deductible and ceiling (openIMIS ClaimDedRem), and '
                      'whether it counts against the in-patient (hospital visit) or out-patient variants.',
                      ['ClaimResponse.insurance'],
                      [('hospitalVisit', 'boolean', 1, None), ('deducted', 'decimal', 1, None),
                       ('ceilingUsed', 'decimal', 1, None)])

    sd = header('imis-claim', 'ImisClaim', 'Claim of a health facility', 'resource', 'Claim',
                'http://hl7.org/fhir/StructureDefinition/Claim',
                'A claim of a health facility (openIMIS Claim): claim code (identifier, system '
                'https://imis-fhir.org/fhir/sid/claim-code, unique per facility), facility (provider), claim '
                'administrator (enterer), insuree (patient), visit type E/R/O (type), dates from/to (billablePeriod), '
                'date claimed (created), main and up to 4 secondary diagnoses (ICD-10), explanation, guarantee number '
                'and attachments (supportingInfo), referral, and the items and services with quantity and asked '
                'price. The workflow extension is set by the server.')
    write(sd, [{'id': 'Claim', 'path': 'Claim'}]
          + extension_slices('Claim', [('workflow', WORKFLOW, 0, '1')])
          + [{'id': 'Claim.identifier', 'path': 'Claim.identifier', 'min': 1, 'short': 'Claim code'},
             {'id': 'Claim.type', 'path': 'Claim.type', 'short': 'Visit type: E emergency, R referral, O other',
              'binding': {'strength': 'required', 'valueSet': IGVS + 'claim-visit-type'}},
             {'id': 'Claim.use', 'path': 'Claim.use', 'fixedCode': 'claim'},
             {'id': 'Claim.patient', 'path': 'Claim.patient',
              'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Patient']}]},
             {'id': 'Claim.provider', 'path': 'Claim.provider', 'short': 'The health facility',
              'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Organization']}]},
             {'id': 'Claim.supportingInfo.category', 'path': 'Claim.supportingInfo.category',
              'binding': {'strength': 'extensible', 'valueSet': IGVS + 'claim-supporting-info-category'}},
             {'id': 'Claim.diagnosis', 'path': 'Claim.diagnosis', 'max': '5',
              'short': 'Main diagnosis (sequence 1) and up to 4 secondary diagnoses'},
             {'id': 'Claim.diagnosis.diagnosis[x]', 'path': 'Claim.diagnosis.diagnosis[x]',
              'type': [{'code': 'CodeableConcept'}],
              'binding': {'strength': 'extensible', 'valueSet': IGVS + 'diagnosis-ICD10-level1'}},
             {'id': 'Claim.item', 'path': 'Claim.item', 'min': 1},
             {'id': 'Claim.item.category', 'path': 'Claim.item.category', 'min': 1,
              'binding': {'strength': 'required', 'valueSet': IGVS + 'claim-item-category'}},
             {'id': 'Claim.item.quantity', 'path': 'Claim.item.quantity', 'min': 1},
             {'id': 'Claim.item.unitPrice', 'path': 'Claim.item.unitPrice', 'min': 1}])

    sd = header('imis-claim-response', 'ImisClaimResponse', 'Adjudication of a claim', 'resource', 'ClaimResponse',
                'http://hl7.org/fhir/StructureDefinition/ClaimResponse',
                'The scheme\'s answer to a claim, kept up to date through checking, review and valuation: per line '
                'one adjudication per stage reached (category claim-status, reason claim-rejection-reasons, amount, '
                'quantity in value), the deductible and ceiling amounts, the assigned policy and product; per policy '
                'what the claim took of its deductible and ceiling; totals per stage.')
    write(sd, [{'id': 'ClaimResponse', 'path': 'ClaimResponse'},
               {'id': 'ClaimResponse.request', 'path': 'ClaimResponse.request', 'min': 1}]
          + extension_slices('ClaimResponse.item', [('assignment', BASE + 'claim-line-assignment', 0, '1')])
          + extension_slices('ClaimResponse.insurance', [('usage', BASE + 'claim-allowance-usage', 0, '1')]))

    search_parameter('claim-imis-status', 'imis-status', 'Claim',
                     f"Claim.extension('{WORKFLOW}').extension('status').value",
                     'openIMIS claim status: 1 rejected, 2 entered, 4 checked, 8 processed, 16 valuated.')
    search_parameter('claim-review-status', 'review-status', 'Claim',
                     f"Claim.extension('{WORKFLOW}').extension('reviewStatus').value",
                     'Review status: 1 idle, 2 not selected, 4 selected, 8 delivered, 16 bypassed.')
    search_parameter('claim-feedback-status', 'feedback-status', 'Claim',
                     f"Claim.extension('{WORKFLOW}').extension('feedbackStatus').value",
                     'Feedback status: 1 idle, 2 not selected, 4 selected, 8 delivered, 16 bypassed.')
    search_parameter('claim-batch-run', 'batch-run', 'Claim',
                     f"Claim.extension('{WORKFLOW}').extension('batchRun').value",
                     'The batch run (Task) that paid the claim.', type_='reference', target=['Task'])
    search_parameter('claim-service-date', 'service-date', 'Claim', 'Claim.billablePeriod',
                     'Dates of the care claimed (date from / date to).', type_='date')
    search_parameter('claim-claimed', 'claimed', 'Claim', 'Claim.total.value',
                     'The amount claimed.', type_='number')
    search_parameter('claim-item-code', 'item-code', 'Claim', 'Claim.item.productOrService',
                     'Items and services claimed, by code (system service-code or item-code).')
    search_parameter('communicationrequest-about', 'about', 'CommunicationRequest', 'CommunicationRequest.about',
                     'What a request is about: the claim a feedback prompt asks about.', type_='reference')
    search_parameter('communication-about', 'about', 'Communication', 'Communication.about',
                     'What a communication is about: the claim a feedback answers.', type_='reference')
    search_parameter('claimresponse-coverage', 'coverage', 'ClaimResponse', 'ClaimResponse.insurance.coverage',
                     'The policies a claim was paid from.', type_='reference', target=['Coverage'])


def operation(op_id, code, resource, description, type_, instance, parameters, affects_state=True):
    od = {'resourceType': 'OperationDefinition', 'id': op_id,
          'url': 'https://imis-fhir.org/fhir/OperationDefinition/' + op_id, 'version': '0.1.0',
          'name': ''.join(w.capitalize() for w in op_id.split('-')), 'title': f'{resource}/${code}',
          'status': 'active', 'kind': 'operation', 'publisher': 'IMIS-FHIR', 'description': description,
          'affectsState': affects_state, 'code': code, 'resource': [resource], 'system': False, 'type': type_,
          'instance': instance, 'parameter': []}
    for name, use, min_, max_, doc, type_name, *parts in parameters:
        p = {'name': name, 'use': use, 'min': min_, 'max': max_, 'documentation': doc}
        if type_name:
            p['type'] = type_name
        if parts:
            p['part'] = [{'name': n, 'use': 'in', 'min': mi, 'max': ma, 'documentation': d, 'type': t}
                         for n, mi, ma, d, t in parts[0]]
        od['parameter'].append(p)
    with open(os.path.join(OUT, f'OperationDefinition-{op_id}.json'), 'w') as f:
        json.dump(od, f, indent=2, ensure_ascii=False)
        f.write('\n')


def operations():
    response = ('return', 'out', 1, '1', 'The claim\'s ClaimResponse, kept up to date through the workflow '
                '(id cr-<claim id>).', 'ClaimResponse')
    operation('Claim-submit', 'submit', 'Claim',
              'Checks and valuates entered claims (openIMIS submit): per line the checks in the reference order with '
              'the rejection reason, the product and policy assigned, deductibles, ceilings and prices; the claim '
              'becomes checked (4) or rejected (1). On a stored claim (Claim/<id>/$submit), or type-level with '
              'claims to enter and submit in one call (resource) or references to stored ones (claim). One claim '
              'answers its ClaimResponse; several answer a batch-response Bundle with a ClaimResponse or an '
              'OperationOutcome per claim.', True, True,
              [('resource', 'in', 0, '*', 'A claim to enter and submit (what an openIMIS client POSTs).', 'Claim'),
               ('claim', 'in', 0, '*', 'A stored entered claim to submit.', 'Reference'),
               ('return', 'out', 1, '1', 'The ClaimResponse, or a batch-response Bundle for several claims.', 'Resource')])
    operation('Claim-review', 'review', 'Claim',
              'A medical officer\'s review of a checked claim: per line the approved quantity and unit price, or a '
              'rejection (code -1) with a justification. The checks and the valuation run again on the reviewed '
              'lines; the review status becomes delivered.', False, True,
              [('line', 'in', 0, '*', 'A decision on one line.', None,
                [('sequence', 1, '1', 'Claim.item.sequence of the line.', 'positiveInt'),
                 ('quantityApproved', 0, '1', 'Approved quantity.', 'decimal'),
                 ('priceApproved', 0, '1', 'Approved unit price.', 'decimal'),
                 ('rejected', 0, '1', 'The line is rejected (code -1).', 'boolean'),
                 ('justification', 0, '1', 'Why (required for a rejection).', 'string')]),
               response])
    operation('Claim-return', 'return', 'Claim',
              'Returns a checked claim to the facility for missing data (administrative check): it is entered '
              'again with the reason, its deductible and ceiling use is released, and it can be corrected '
              '(PUT Claim) and submitted again.', False, True,
              [('reason', 'in', 1, '1', 'What is missing or wrong.', 'string'), response])
    operation('Claim-process', 'process', 'Claim',
              'Processes a checked claim (the "bon à payer"): checks and valuation run again with the review\'s '
              'decisions; a claim with a relative-priced line becomes processed (8) and waits for the batch run, '
              'any other becomes valuated (16) with valuated = approved. Selected review or feedback becomes '
              'bypassed.', False, True, [response])
    operation('Claim-restore', 'restore', 'Claim',
              'Copies a rejected claim as a new entered claim (same care) linked to it, to be corrected and '
              'submitted.', False, True,
              [('code', 'in', 0, '1', 'Claim code of the new claim (default: the old code followed by -R).', 'string'),
               ('return', 'out', 1, '1', 'The new claim, entered.', 'Claim')])

    operation('CoverageEligibilityRequest-submit', 'submit', 'CoverageEligibilityRequest',
              'Eligibility at the point of care: the insuree\'s policies in force on the date of care (servicedDate, '
              'default today) with, per policy, the claims left per category (admissions, visits, consultations, '
              'surgeries, deliveries, antenatal), the maximum amounts per category, the deductibles and ceilings '
              'left (general, hospital, non-hospital), and for the item or service asked its quantity left and the '
              'first day it is covered. The insuree is named by reference or by insurance number (patient.identifier). '
              'Nothing is stored.', True, False,
              [('resource', 'in', 1, '1', 'The enquiry (openIMIS IG shape: item category item/service and '
                'productOrService.text = code, or productOrService.coding with our code systems).',
                'CoverageEligibilityRequest'),
               ('return', 'out', 1, '1', 'The balances.', 'CoverageEligibilityResponse')], affects_state=False)

    operation('Claim-select', 'select', 'Claim',
              'Selects checked claims for medical review or for feedback (openIMIS review and feedback selection): '
              'the claims named, or among the checked claims still idle for that purpose (optionally of one facility '
              'and dates of care) every claim above an amount, every claim with one of the given services, and a '
              'random share of the others. The others become not selected. Selecting for feedback creates a '
              'CommunicationRequest for the enrolment officer with the IG\'s five questions.', True, False,
              [('for', 'in', 1, '1', 'review or feedback.', 'code'),
               ('claim', 'in', 0, '*', 'Claims to select explicitly.', 'Reference'),
               ('amountAbove', 'in', 0, '1', 'Select every claim whose claimed amount is above this.', 'decimal'),
               ('service', 'in', 0, '*', 'Select every claim with this service code.', 'string'),
               ('share', 'in', 0, '1', 'Percentage (0-100) of the other claims selected at random.', 'decimal'),
               ('facility', 'in', 0, '1', 'Only the claims of this facility.', 'Reference'),
               ('from', 'in', 0, '1', 'Only care from this date.', 'date'),
               ('to', 'in', 0, '1', 'Only care up to this date.', 'date'),
               ('selected', 'out', 0, '*', 'A selected claim.', 'Reference'),
               ('selectedCount', 'out', 1, '1', 'How many were selected.', 'integer'),
               ('notSelectedCount', 'out', 1, '1', 'How many were not selected.', 'integer')])
    operation('Claim-bypass', 'bypass', 'Claim',
              'Bypasses the review or the feedback of a claim (status 16); a pending feedback prompt is revoked.',
              False, True,
              [('for', 'in', 1, '1', 'review or feedback.', 'code'),
               ('return', 'out', 1, '1', 'The claim.', 'Claim')])


if __name__ == '__main__':
    main()
    operations()
