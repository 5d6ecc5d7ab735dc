package org.jvirt.driver.hyperv.internal.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Asynchronous methods as Microsoft's "Msvm_ConcreteJob class" page describes them: a method that
 * answers 4096 ("Method Parameters Checked - Job Started") returns a reference to a job, whose
 * JobState goes New (2), Running (4), then Completed (7) or Exception (10) with ErrorCode and
 * ErrorDescription. Here each query of a job moves it one step, so a client must poll; the method's
 * effect happens when the job completes. Knobs: the next job fails, or jobs stall (never end).
 */
final class SimJobs {
    private final SimHost host;
    private final Map<SimInstance, Runnable> effects = new HashMap<>();
    private final Map<SimInstance, String> failures = new HashMap<>();
    private final Map<SimInstance, Runnable> undos = new HashMap<>();
    private String failNext;
    private boolean stall;

    SimJobs(SimHost host) {
        this.host = host;
    }

    synchronized void failNext(String errorDescription) {
        this.failNext = errorDescription;
    }

    synchronized void stall(boolean stall) {
        this.stall = stall;
    }

    /** A new job for {@code caption}; {@code effect} runs when it completes. */
    synchronized SimInstance start(String caption, Runnable effect) {
        return start(caption, effect, () -> { });
    }

    /** As {@link #start(String, Runnable)}; {@code undo} runs when the job fails (a define rolled back). */
    synchronized SimInstance start(String caption, Runnable effect, Runnable undo) {
        SimInstance job = new SimInstance("Msvm_ConcreteJob").set("InstanceID", UUID.randomUUID().toString().toUpperCase())
                .set("Caption", caption).set("Description", caption).set("JobState", 2).set("PercentComplete", 0)
                .set("ErrorCode", 0).set("ErrorDescription", null).set("JobType", 0);
        synchronized (host) {
            host.add(job);
        }
        effects.put(job, effect);
        undos.put(job, undo);
        if (failNext != null) {
            failures.put(job, failNext);
            failNext = null;
        }
        return job;
    }

    /** This job will fail with {@code errorDescription} (Hyper-V's check made while the job runs). */
    synchronized void failJob(SimInstance job, String errorDescription) {
        failures.put(job, errorDescription);
    }

    /** Moves each queried job one step (called before the query's answer is written). */
    synchronized void advance(List<SimInstance> queried) {
        for (SimInstance job : queried) {
            Runnable effect = effects.get(job);
            if (effect == null) {
                continue;
            }
            long state = job.number("JobState");
            if (state == 2) {
                job.set("JobState", 4).set("PercentComplete", 50);
            } else if (state == 4 && !stall) {
                effects.remove(job);
                String failure = failures.remove(job);
                Runnable undo = undos.remove(job);
                if (failure != null) {
                    synchronized (host) {
                        undo.run();
                    }
                    job.set("JobState", 10).set("ErrorCode", 32768).set("ErrorDescription", failure);
                } else {
                    synchronized (host) {
                        effect.run();
                    }
                    job.set("JobState", 7).set("PercentComplete", 100);
                }
            }
        }
    }

    /** A method's output: ReturnValue 4096 and the job's reference, then {@code extra} out parameters. */
    static String jobOutput(String method, String uri, SimInstance job, String extra) {
        return "<p:" + method + "_OUTPUT xmlns:p=\"" + uri + "\"><p:Job>" + SimXml.reference(job, "InstanceID")
                + "</p:Job>" + extra + "<p:ReturnValue>4096</p:ReturnValue></p:" + method + "_OUTPUT>";
    }

    static String output(String method, String uri, long returnValue) {
        return "<p:" + method + "_OUTPUT xmlns:p=\"" + uri + "\"><p:ReturnValue>" + returnValue
                + "</p:ReturnValue></p:" + method + "_OUTPUT>";
    }
}
