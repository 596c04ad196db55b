"""Celery tasks of the appliance itself: the one entry point of every beat schedule entry."""

from __future__ import annotations

from celery import shared_task

from appliance import schedule


@shared_task(name="appliance.schedule.run_job", ignore_result=True)
def run_job(name: str) -> str:
    """Run the scheduled job ``name`` unless it is running elsewhere (beat calls this).

    Takes a job name, not arguments of the job, so a redelivered message is harmless: the
    lease in ``ScheduledJob`` keeps a second copy from running at the same time.
    """
    return schedule.run_job(name)
