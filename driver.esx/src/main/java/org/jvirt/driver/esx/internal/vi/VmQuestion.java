package org.jvirt.driver.esx.internal.vi;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * A question a VM asks while a task on it waits ({@code runtime.question}, a
 * {@code VirtualMachineQuestionInfo}: for example whether a VM whose files moved was moved or
 * copied), handled as libvirt's {@code esxVI_HandleVirtualMachineQuestion}: with
 * {@code auto_answer=1} answered with its default choice ({@code AnswerVM}); otherwise, or when
 * there is no default, an error naming the question and its possible answers.
 */
public final class VmQuestion {
    private static final Logger LOG = LoggerFactory.getLogger(VmQuestion.class);

    private VmQuestion() {
    }

    /** Answers {@code question} (a {@code VirtualMachineQuestionInfo}) of {@code vm}, or fails as libvirt. */
    public static void handle(ViClient client, MoRef vm, Element question, boolean autoAnswer) throws VirtException {
        String id = SoapXml.childText(question, "id");
        String text = SoapXml.childText(question, "text");
        Element choice = SoapXml.child(question, "choice");
        List<String> labels = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int defaultIndex = -1;
        if (choice != null) {
            for (Element info : SoapXml.children(choice, "choiceInfo")) {
                labels.add("'" + SoapXml.childText(info, "label") + "'");
                keys.add(SoapXml.childText(info, "key"));
            }
            String index = SoapXml.childText(choice, "defaultIndex");
            if (index != null) {
                try {
                    defaultIndex = Integer.parseInt(index);
                } catch (NumberFormatException e) {
                    defaultIndex = -1;
                }
            }
        }
        String prefix = "Pending question blocks virtual machine execution, question is '" + text + "'";
        if (labels.isEmpty()) {
            throw ViErrors.internal(prefix + ", no possible answers");
        }
        String possible = String.join(", ", labels);
        if (!autoAnswer) {
            throw ViErrors.internal(prefix + ", possible answers are " + possible);
        }
        if (defaultIndex < 0 || defaultIndex >= labels.size()) {
            throw ViErrors.internal(prefix + ", possible answers are " + possible + ", but no default answer is specified");
        }
        LOG.info("{}, possible answers are {}, responding with default answer {} ({})", prefix, possible,
                labels.get(defaultIndex), vm.value());
        client.invoke("AnswerVM", vm, SoapXml.element("questionId", id)
                + SoapXml.element("answerChoice", keys.get(defaultIndex)));
    }
}
