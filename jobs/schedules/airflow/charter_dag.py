"""charter-metrics on Airflow: the nightly run and the quarterly scorecard, as spark-submit jobs.

Needs apache-airflow-providers-apache-spark and a Spark connection (`spark_charter`) whose master is
the cluster (spark://..., yarn or k8s://...). The cluster jar is modules/jobs/target/charter-jobs-cluster.jar,
copied to CHARTER_JAR on the Airflow workers. The pseudonymisation key comes from the Airflow
Variable `charter_pseudo_key` (mark it sensitive), handed to the driver as CHARTER_PSEUDO_KEY.
Times are London wall-clock times (pendulum time zone), one run at a time (max_active_runs=1).
"""

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

LONDON = pendulum.timezone("Europe/London")
CHARTER_JAR = "/opt/charter-metrics/charter-jobs-cluster.jar"
MAIN_CLASS = "uk.westmercia.charter.jobs.CharterCli"
LANDING = "/srv/charter/landing"
WAREHOUSE = "/srv/charter/warehouse"
SCORECARDS = "/srv/charter/scorecards"
SPARK_CONF = {
    "spark.driver.memory": "4g",
    "spark.executor.memory": "4g",
}
DEFAULT_ARGS = {
    "owner": "charter-metrics",
    "retries": 0,  # a failed nightly leaves the previous tables; the next night recomputes everything
    "email_on_failure": True,
    "email": ["charter-ops@westmercia.police.uk"],
}

with DAG(
    dag_id="charter_nightly",
    description="Ingest the landing folder and recompute every charter metric up to yesterday",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2025, 4, 1, tz=LONDON),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["charter-metrics"],
) as nightly_dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_charter",
        application=CHARTER_JAR,
        java_class=MAIN_CLASS,
        name="charter-nightly",
        application_args=["nightly", "--landing", LANDING, "--warehouse", WAREHOUSE],
        conf=SPARK_CONF,
        env_vars={"CHARTER_PSEUDO_KEY": "{{ var.value.charter_pseudo_key }}"},
        execution_timeout=pendulum.duration(hours=6),
    )

with DAG(
    dag_id="charter_scorecard",
    description="The quarterly charter scorecard for the quarter just ended",
    schedule="0 6 2 1,4,7,10 *",
    start_date=pendulum.datetime(2025, 4, 1, tz=LONDON),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["charter-metrics"],
) as scorecard_dag:
    SparkSubmitOperator(
        task_id="scorecard",
        conn_id="spark_charter",
        application=CHARTER_JAR,
        java_class=MAIN_CLASS,
        name="charter-scorecard",
        application_args=["scorecard", "--quarter", "previous", "--warehouse", WAREHOUSE, "--out", SCORECARDS],
        conf=SPARK_CONF,
        execution_timeout=pendulum.duration(hours=2),
    )
