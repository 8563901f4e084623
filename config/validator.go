package config

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// validator collects validation errors and finds the line of the YAML node each one is
// about, so the user sees "gdprscan.yaml:14: source "crm": unknown kind …".
type validator struct {
	name string
	root *yaml.Node
	errs []error
}

func (v *validator) add(path []any, format string, a ...any) {
	v.errs = append(v.errs, v.errf(path, format, a...))
}

func (v *validator) errf(path []any, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	if n := v.node(path...); n != nil {
		return fmt.Errorf("%s:%d: %s", v.name, n.Line, msg)
	}
	return fmt.Errorf("%s: %s", v.name, msg)
}

func (v *validator) err() error { return errors.Join(v.errs...) }

// has reports whether the key path is present in the file.
func (v *validator) has(path ...any) bool {
	n := v.nodeExact(path...)
	return n != nil
}

// node returns the node at path, or the deepest existing ancestor.
func (v *validator) node(path ...any) *yaml.Node {
	n := v.doc()
	if n == nil {
		return nil
	}
	for _, p := range path {
		next := child(n, p)
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

func (v *validator) nodeExact(path ...any) *yaml.Node {
	n := v.doc()
	for _, p := range path {
		if n == nil {
			return nil
		}
		n = child(n, p)
	}
	return n
}

func (v *validator) doc() *yaml.Node {
	if v.root == nil || len(v.root.Content) == 0 {
		return nil
	}
	return v.root.Content[0]
}

func child(n *yaml.Node, p any) *yaml.Node {
	switch k := p.(type) {
	case string:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				// Point at the key's line: for a nested block the value starts a line later.
				if n.Content[i+1].Kind == yaml.ScalarNode {
					return n.Content[i+1]
				}
				c := *n.Content[i+1]
				c.Line = n.Content[i].Line
				return &c
			}
		}
	case int:
		if n.Kind == yaml.SequenceNode && k < len(n.Content) {
			return n.Content[k]
		}
	}
	return nil
}
