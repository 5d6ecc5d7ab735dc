package main

// The host's HostAutoStartManager. govmomi 0.24's ESX model names one in the host's
// configManager.autoStartManager ("ha-autostart-mgr") but registers no such object, so reading
// autostart fails with a fault and ReconfigureAutostart does not exist. This fixture registers a
// small one: its config (defaults.enabled false, no powerInfo, as a fresh ESX host) and
// ReconfigureAutostart, which merges a spec as ESX does: the defaults given replace the current
// ones field by field, and each powerInfo entry replaces the entry of the same VM (or is added).

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

type hostAutoStartManager struct {
	mo.HostAutoStartManager
}

func (m *hostAutoStartManager) ReconfigureAutostart(req *types.ReconfigureAutostart) soap.HasFault {
	spec := req.Spec
	if d := spec.Defaults; d != nil {
		cur := m.Config.Defaults
		if d.Enabled != nil {
			cur.Enabled = d.Enabled
		}
		if d.StartDelay != 0 {
			cur.StartDelay = d.StartDelay
		}
		if d.StopDelay != 0 {
			cur.StopDelay = d.StopDelay
		}
		if d.WaitForHeartbeat != nil {
			cur.WaitForHeartbeat = d.WaitForHeartbeat
		}
		if d.StopAction != "" {
			cur.StopAction = d.StopAction
		}
	}
	for _, p := range spec.PowerInfo {
		if simulator.Map.Get(p.Key) == nil {
			return &methods.ReconfigureAutostartBody{Fault_: simulator.Fault("", &types.ManagedObjectNotFound{Obj: p.Key})}
		}
		replaced := false
		for i := range m.Config.PowerInfo {
			if m.Config.PowerInfo[i].Key == p.Key {
				m.Config.PowerInfo[i] = p
				replaced = true
			}
		}
		if !replaced {
			m.Config.PowerInfo = append(m.Config.PowerInfo, p)
		}
	}
	return &methods.ReconfigureAutostartBody{Res: new(types.ReconfigureAutostartResponse)}
}

// addAutoStartManagers registers the manager each host names (ESX only: the VPX model's hosts all
// name the same one).
func addAutoStartManagers() {
	for _, e := range simulator.Map.All("HostSystem") {
		host := e.(*simulator.HostSystem)
		ref := host.ConfigManager.AutoStartManager
		if ref == nil || simulator.Map.Get(*ref) != nil {
			continue
		}
		m := &hostAutoStartManager{}
		m.Self = *ref
		m.Config.Defaults = &types.AutoStartDefaults{Enabled: types.NewBool(false), StartDelay: 120,
			StopDelay: 120, WaitForHeartbeat: types.NewBool(false), StopAction: "PowerOff"}
		simulator.Map.Put(m)
	}
}
