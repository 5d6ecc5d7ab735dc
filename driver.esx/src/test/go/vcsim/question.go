package main

// VMs that ask a question when powered on (-question). govmomi 0.24's simulator never sets a VM's
// runtime.question and lacks AnswerVM, so nothing could show how a client handles a question (a
// real host asks, for example, whether a VM whose files moved was moved or copied, and holds the
// power-on task until someone answers). With -question every VM is replaced by a wrapper whose
// PowerOnVM_Task starts a task (running), sets runtime.question as ESX does and returns at once;
// AnswerVM clears the question and ends the task: the choice "0" (Cancel) fails it with
// InvalidState, the others power the VM on as the simulator does and let it succeed. The task is
// added to the VM's recentTask, as ESX lists it there.

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

type questionVM struct {
	simulator.VirtualMachine // by value: the property collector finds the mo type through field 0

	pending *simulator.Task // the power-on task the question holds
}

const questionID = "question-1"

func (vm *questionVM) PowerOnVMTask(ctx *simulator.Context, req *types.PowerOnVM_Task) soap.HasFault {
	if vm.pending != nil { // a question holds the last power-on: ESX refuses another
		return &methods.PowerOnVM_TaskBody{Fault_: simulator.Fault("", &types.InvalidState{})}
	}
	if vm.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn {
		return vm.VirtualMachine.PowerOnVMTask(ctx, req) // the simulator's own answer (InvalidPowerState)
	}
	task := simulator.CreateTask(vm, "powerOn", nil)
	simulator.Map.Update(task, []types.PropertyChange{{Name: "info.state", Val: types.TaskInfoStateRunning}})
	vm.pending = task
	// ESX lists a VM's tasks in its recentTask (the simulator does not): what libvirt checks for
	// "Other tasks are pending for this domain" before it starts a task
	recent := append(append([]types.ManagedObjectReference(nil), vm.RecentTask...), task.Self)
	simulator.Map.Update(vm, []types.PropertyChange{{Name: "recentTask", Val: recent}})
	choices := []types.BaseElementDescription{
		&types.ElementDescription{Description: types.Description{Label: "Cancel", Summary: "Cancel"}, Key: "0"},
		&types.ElementDescription{Description: types.Description{Label: "I moved it", Summary: "I moved it"}, Key: "1"},
		&types.ElementDescription{Description: types.Description{Label: "I copied it", Summary: "I copied it"}, Key: "2"},
	}
	simulator.Map.Update(vm, []types.PropertyChange{{Name: "runtime.question", Val: &types.VirtualMachineQuestionInfo{
		Id:     questionID,
		Text:   "This virtual machine might have been moved or copied.",
		Choice: types.ChoiceOption{ChoiceInfo: choices, DefaultIndex: 2},
	}}})
	return &methods.PowerOnVM_TaskBody{Res: &types.PowerOnVM_TaskResponse{Returnval: task.Self}}
}

func (vm *questionVM) AnswerVM(ctx *simulator.Context, req *types.AnswerVM) soap.HasFault {
	if vm.pending == nil || req.QuestionId != questionID {
		return &methods.AnswerVMBody{Fault_: simulator.Fault("", &types.InvalidArgument{InvalidProperty: "questionId"})}
	}
	if req.AnswerChoice != "0" && req.AnswerChoice != "1" && req.AnswerChoice != "2" {
		return &methods.AnswerVMBody{Fault_: simulator.Fault("", &types.InvalidArgument{InvalidProperty: "answerChoice"})}
	}
	task := vm.pending
	vm.pending = nil
	simulator.Map.Update(vm, []types.PropertyChange{{Name: "runtime.question", Op: types.PropertyChangeOpRemove}})
	state := types.TaskInfoStateSuccess
	var fault interface{}
	if req.AnswerChoice == "0" {
		state = types.TaskInfoStateError
		fault = types.LocalizedMethodFault{Fault: &types.InvalidState{}, LocalizedMessage: "The operation was cancelled by the answer 'Cancel'"}
	} else {
		vm.VirtualMachine.PowerOnVMTask(ctx, &types.PowerOnVM_Task{This: vm.Self})
	}
	simulator.Map.Update(task, []types.PropertyChange{
		{Name: "info.state", Val: state},
		{Name: "info.error", Val: fault},
	})
	return &methods.AnswerVMBody{Res: new(types.AnswerVMResponse)}
}

// askQuestions replaces every VM by one that asks on power-on.
func askQuestions() {
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		simulator.Map.Put(&questionVM{VirtualMachine: *vm})
	}
}
