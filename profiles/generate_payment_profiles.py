"""Writes the payment StructureDefinitions, SearchParameters and OperationDefinitions (profiles/base/*.json).

python3 profiles/generate_payment_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT, BASE, header, write, complex_extension, extension_slices
from generate_enrolment_profiles import search_parameter

WORKFLOW = BASE + 'claim-workflow'
MONEY = 'Money'


def main():
    complex_extension('payment-statement-totals', 'PaymentStatementTotals', 'Payment statement totals',
                      'Totals of a facility\'s payment statement for one batch run (the openIMIS "bon a payer"): '
                      'number of claims, amounts claimed, approved and remunerated (each claim rounded to the cent '
                      'before adding), and the capitation paid to the facility.',
                      ['PaymentReconciliation'],
                      [('claims', 'unsignedInt', 1, None), ('claimed', MONEY, 1, None),
                       ('approved', MONEY, 1, None), ('remunerated', MONEY, 1, None),
                       ('capitation', MONEY, 0, None)])
    complex_extension('payment-statement-account', 'PaymentStatementAccount', 'Payment statement per product',
                      'The part of a facility\'s payment statement paid from one product, with the product\'s '
                      'remuneration accounting code (openIMIS acc_code_remuneration) and the relative index used.',
                      ['PaymentReconciliation'],
                      [('product', 'string', 1, None), ('account', 'string', 0, None),
                       ('claims', 'unsignedInt', 1, None), ('claimed', MONEY, 1, None),
                       ('approved', MONEY, 1, None), ('remunerated', MONEY, 1, None),
                       ('capitation', MONEY, 0, None), ('index', 'string', 0, None)])

    sd = header('imis-payment-statement', 'ImisPaymentStatement', 'Payment statement of a health facility',
                'resource', 'PaymentReconciliation', 'http://hl7.org/fhir/StructureDefinition/PaymentReconciliation',
                'What the scheme pays one health facility for one batch run (openIMIS "bon a payer"): the batch run '
                '(request, a Task), the facility (requestor), the month (period), one detail per remunerated claim '
                '(request Claim, response ClaimResponse, amount remunerated) and one per capitation payment, the '
                'totals and the split per product with its accounting code. paymentAmount = remunerated + capitation.')
    write(sd, [{'id': 'PaymentReconciliation', 'path': 'PaymentReconciliation'},
               {'id': 'PaymentReconciliation.identifier', 'path': 'PaymentReconciliation.identifier', 'min': 1},
               {'id': 'PaymentReconciliation.period', 'path': 'PaymentReconciliation.period', 'min': 1},
               {'id': 'PaymentReconciliation.request', 'path': 'PaymentReconciliation.request', 'min': 1,
                'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Task']}]},
               {'id': 'PaymentReconciliation.requestor', 'path': 'PaymentReconciliation.requestor', 'min': 1,
                'short': 'The health facility paid',
                'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Organization']}]}]
          + extension_slices('PaymentReconciliation', [('totals', BASE + 'payment-statement-totals', 1, '1'),
                                                       ('account', BASE + 'payment-statement-account', 0, '*')]))

    batch_run_task()

    search_parameter('claim-processed', 'processed', 'Claim',
                     f"Claim.extension('{WORKFLOW}').extension('processed').value",
                     'When the claim was processed (the batch run takes processed claims up to the end of its month).',
                     type_='date')
    search_parameter('task-batch-run-key', 'batch-run-key', 'Task',
                     "Task.identifier.where(system='https://imis-fhir.org/fhir/sid/batch-run-key')",
                     'The month and location of a batch run still in force (<year>-<month>|<location id or national>); '
                     'a cancelled or failed run gives its key up.')
    search_parameter('task-batch-run-key-unique', None, 'Task', None,
                     'At most one batch run in force per month and location (HAPI unique combo search parameter).',
                     unique_of='task-batch-run-key')
    operations()


TASK_CODES = 'https://imis-fhir.org/fhir/CodeSystem/payment-task'
INPUTS = ['year', 'month', 'location']
OUTPUTS = ['job', 'claims-total', 'claims-done', 'index', 'statement', 'total']


def coded(name):
    return f"type.coding.where(system = '{TASK_CODES}' and code = '{name}')"


def batch_run_task():
    """The Task of a batch run ($batch-run): what it was asked (inputs) and what it reports (outputs)."""
    sd = header('imis-batch-run', 'ImisBatchRun', 'Batch run', 'resource', 'Task', 'http://hl7.org/fhir/StructureDefinition/Task',
                'A monthly batch run of the payment of health facilities (openIMIS batch run), started by $batch-run: '
                'the month asked (inputs year and month) and the location (input location, absent for the national '
                'products); while it runs and when done, the Batch2 job (output job), the claims to pay and paid so '
                'far (claims-total, claims-done), each relative index computed (index: "<product> <care type> '
                '<index>"), each payment statement written (statement) and the amount to pay (total). The identifier '
                'https://imis-fhir.org/fhir/sid/batch-run-key (<year>-<month>|<location id or national>) is unique '
                'among the runs in force; a cancelled or failed run keeps it under that system with /ended appended.')
    inputs = ' or '.join(f"{coded(n)}.exists()" for n in INPUTS)
    outputs = ' or '.join(f"{coded(n)}.exists()" for n in OUTPUTS)
    constraints = [
        ('imis-br-1', 'A batch run has one input year, an integer from 1900 to 9999.',
         f"input.where({coded('year')}.exists()).count() = 1 and "
         f"input.where({coded('year')}.exists()).value.ofType(integer).where($this >= 1900 and $this <= 9999).exists()"),
        ('imis-br-2', 'A batch run has one input month, an integer from 1 to 12.',
         f"input.where({coded('month')}.exists()).count() = 1 and "
         f"input.where({coded('month')}.exists()).value.ofType(integer).where($this >= 1 and $this <= 12).exists()"),
        ('imis-br-3', 'A batch run has at most one input location, a reference to a Location.',
         f"input.where({coded('location')}.exists()).count() <= 1 and "
         f"input.where({coded('location')}.exists()).all(value.ofType(Reference).reference.startsWith('Location/'))"),
        ('imis-br-4', 'Every input of a batch run is year, month or location (CodeSystem payment-task).',
         f"input.all({inputs})"),
        ('imis-br-5', 'Every output of a batch run is one of job, claims-total, claims-done, index, statement or total '
                      '(CodeSystem payment-task).',
         f"output.all({outputs})"),
        ('imis-br-6', 'The claims done of a batch run are a count no greater than the claims to pay.',
         f"output.where({coded('claims-done')}.exists()).all(value.ofType(integer) >= 0) and "
         f"(output.where({coded('claims-total')}.exists()).empty() or "
         f"output.where({coded('claims-done')}.exists()).empty() or "
         f"output.where({coded('claims-done')}.exists()).value.ofType(integer) <= "
         f"output.where({coded('claims-total')}.exists()).value.ofType(integer))"),
    ]
    write(sd, [{'id': 'Task', 'path': 'Task',
                'constraint': [{'key': key, 'severity': 'error', 'human': human, 'expression': expression,
                                'source': BASE + 'imis-batch-run'} for key, human, expression in constraints]},
               {'id': 'Task.code', 'path': 'Task.code', 'min': 1,
                'patternCodeableConcept': {'coding': [{'system': TASK_CODES, 'code': 'batch-run'}]}},
               {'id': 'Task.intent', 'path': 'Task.intent', 'fixedCode': 'order'},
               {'id': 'Task.authoredOn', 'path': 'Task.authoredOn', 'min': 1},
               {'id': 'Task.input', 'path': 'Task.input', 'min': 2, 'max': '3'}])


def operation(op_id, code, resources, description, system, type_, instance, parameters, affects_state=True):
    od = {'resourceType': 'OperationDefinition', 'id': op_id,
          'url': 'https://imis-fhir.org/fhir/OperationDefinition/' + op_id, 'version': '0.1.0',
          'name': ''.join(w.capitalize() for w in op_id.split('-')),
          'title': (resources[0] + '/' if resources else '') + '$' + code,
          'status': 'active', 'kind': 'operation', 'publisher': 'IMIS-FHIR', 'description': description,
          'affectsState': affects_state, 'code': code}
    if resources:
        od['resource'] = resources
    od.update({'system': system, 'type': type_, 'instance': instance, 'parameter': []})
    for name, use, min_, max_, doc, type_name in parameters:
        p = {'name': name, 'use': use, 'min': min_, 'max': max_, 'documentation': doc}
        if type_name:
            p['type'] = type_name
        od['parameter'].append(p)
    with open(os.path.join(OUT, f'OperationDefinition-{op_id}.json'), 'w') as f:
        json.dump(od, f, indent=2, ensure_ascii=False)
        f.write('\n')


def operations():
    operation('batch-run', 'batch-run', [],
              'Starts the monthly batch run (openIMIS claim batch): relative indexes of the products of the location '
              '(national products when no location is given), remuneration of every processed claim of those '
              'products processed up to the end of the month (claims become valuated and reference the run), the '
              'payment statement per facility (PaymentReconciliation) and the capitation payments. The run is a '
              'Task (id br-<year>-<month>-<location id or national>) worked by a background job: poll the Task for '
              'its status and its progress (outputs claims-total and claims-done). With the header '
              '"Prefer: respond-async" the answer is 202 Accepted with Content-Location = the Task; without it the '
              'Task itself. At most one run per month and location: a second one is refused (409, '
              'payment-run-exists) unless the first was cancelled or failed.',
              True, False, False,
              [('year', 'in', 1, '1', 'Year of the month paid', 'integer'),
               ('month', 'in', 1, '1', 'Month paid, 1-12', 'integer'),
               ('location', 'in', 0, '1', 'Region or district (Location) whose products are paid; national products when absent', 'Reference'),
               ('return', 'out', 1, '1', 'The batch run (Task)', 'Task')])
    operation('Task-batch-run-cancel', 'batch-run-cancel', ['Task'],
              'Cancels a batch run: its background job is stopped, the claims it valuated go back to processed '
              '(8) without remuneration, its payment statements are deleted and the Task becomes cancelled. The '
              'month can then be run again.',
              False, False, True,
              [('return', 'out', 1, '1', 'The cancelled batch run (Task)', 'Task')])
    operation('Task-payment-export', 'payment-export', ['Task'],
              'The accounting export of a completed batch run as CSV (text/csv; one row per facility and product '
              'with the facility\'s and product\'s accounting codes, claims, claimed, approved, remunerated and '
              'capitation; a TOTAL row). Amounts have 2 decimals and the rows add up to the total to the cent.',
              False, False, True,
              [('return', 'out', 1, '1', 'CSV text', None)], affects_state=False)
    operation('Task-payment-report', 'payment-report', ['Task'],
              'The report of a completed batch run per facility and product: claims, claimed, approved, '
              'remunerated, capitation and the relative index used; as Parameters, or CSV with format=csv.',
              False, False, True,
              [('format', 'in', 0, '1', 'csv for a CSV answer (text/csv); Parameters otherwise', 'code'),
               ('return', 'out', 1, '1', 'The report', 'Parameters')], affects_state=False)


if __name__ == '__main__':
    main()
